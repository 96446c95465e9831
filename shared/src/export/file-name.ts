/** File names of exports: readable, in the workshop's own words, safe on every operating system. */
import { cleanLine } from './text.ts';

// Reserved on Windows or special in shells and URLs; plus Unicode format controls (bidi overrides).
const UNSAFE = /[<>:"/\\|?*\u200B-\u200F\u202A-\u202E\u2066-\u2069]+/g;
const MAX_LENGTH = 120;

/**
 * `<workshop> – <theme> – 2025-05-01.docx` (the theme only for one board), cleaned of characters
 * that file systems refuse. `takenAt` is an ISO instant; its UTC day is used.
 */
export const exportFileName = (parts: { workshop: string; board?: string; takenAt: string; extension: string }): string => {
  const words = [parts.workshop, parts.board, parts.takenAt.slice(0, 10)]
    .filter((w): w is string => Boolean(w))
    .map((w) => cleanLine(w).replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim())
    // Nothing but dots ('..') names no file.
    .filter((w) => !/^[.\s]*$/.test(w));
  const stem = [...(words.join(' – ') || 'plenary')]
    .slice(0, MAX_LENGTH)
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${stem || 'plenary'}.${parts.extension}`;
};
