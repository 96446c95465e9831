/**
 * Who the person is in a workshop: display name, the city they represent, their language and a
 * colour for presence. Remembered per workshop on this device and changeable at any time.
 *
 * Public API
 *   identityFor(workshopId)           Identity | null
 *   saveIdentity(workshopId, input)   stores it (keeps the colour unless one is given) → Identity
 *   lastIdentity()                    the identity used most recently in any workshop (to prefill)
 *   PRESENCE_COLORS                   the palette colours are drawn from
 */
import { readJson, writeJson } from './storage.ts';

export interface Identity {
  name: string;
  /** English name of the city, as in the workshop's city list. */
  city: string;
  /** Preferred language (BCP 47), used for the interface and for the cards the person writes. */
  lang: string;
  /** CSS colour for presence. */
  color: string;
}

export type IdentityInput = Omit<Identity, 'color'> & { color?: string };

/** Distinct, dark enough for white text and visible on the light background (WCAG AA). */
export const PRESENCE_COLORS = [
  '#1f6feb',
  '#b3261e',
  '#1a7f37',
  '#8250df',
  '#bc4c00',
  '#0b7285',
  '#c2255c',
  '#5c6b00',
  '#6741d9',
  '#a61e4d',
  '#2b803c',
  '#364fc7'
] as const;

export const NAME_MAX_LENGTH = 60;

const identityKey = (workshopId: string): string => `plenary.identity.${workshopId}`;
const LAST_KEY = 'plenary.identity.last';

const isIdentity = (value: unknown): value is Identity => {
  const v = value as Identity | null;
  return !!v && typeof v.name === 'string' && v.name.trim() !== '' && typeof v.city === 'string' && typeof v.lang === 'string' && typeof v.color === 'string';
};

/** Colours taken out of the palette (white initials on them were too faint to read), and what replaces them on devices that kept one. */
const RETIRED_COLORS: Record<string, string> = { '#2b8a3e': '#2b803c' };
const withCurrentColor = (identity: Identity): Identity =>
  RETIRED_COLORS[identity.color] ? { ...identity, color: RETIRED_COLORS[identity.color]! } : identity;

export const identityFor = (workshopId: string): Identity | null => {
  const value = readJson<Identity>(identityKey(workshopId));
  return isIdentity(value) ? withCurrentColor(value) : null;
};

export const lastIdentity = (): Identity | null => {
  const value = readJson<Identity>(LAST_KEY);
  return isIdentity(value) ? withCurrentColor(value) : null;
};

/** Not crypto.randomUUID: the app runs over plain http on LAN addresses (no secure context). */
const randomColor = (): string => PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)]!;

export const saveIdentity = (workshopId: string, input: IdentityInput): Identity => {
  const previous = identityFor(workshopId) ?? lastIdentity();
  const identity: Identity = {
    name: input.name.trim().slice(0, NAME_MAX_LENGTH),
    city: input.city,
    lang: input.lang,
    color: input.color ?? previous?.color ?? randomColor()
  };
  writeJson(identityKey(workshopId), identity);
  writeJson(LAST_KEY, identity);
  return identity;
};
