/** A person's colour carries their initials in white (header, presence avatars): every palette colour must let them be read (WCAG AA, 4.5:1). */
import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS } from '../../../web/src/lib/session/identity.ts';

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const againstWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05);

describe('presence colours', () => {
  it('every colour has at least 4.5:1 contrast with white initials', () => {
    const faint = PRESENCE_COLORS.filter((c) => againstWhite(c) < 4.5).map((c) => `${c} (${againstWhite(c).toFixed(2)}:1)`);
    expect(faint).toEqual([]);
  });
});
