import { randomBytes, randomInt } from 'node:crypto';

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
/** Random URL-safe id (workshops, boards). */
export const newId = (length = 12): string => {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ID_ALPHABET[b % ID_ALPHABET.length];
  return out;
};

/** Letters and digits a person can read off a projector and type on a phone: no 0/O, 1/I/L. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A join code like `K7M-Q2P`. */
export const newJoinCode = (): string => {
  let out = '';
  for (let i = 0; i < 6; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${out.slice(0, 3)}-${out.slice(3)}`;
};
/** Normalises what a person typed: case, spaces and the hyphen do not matter. */
export const normaliseJoinCode = (typed: string): string => {
  const plain = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.length === 6 ? `${plain.slice(0, 3)}-${plain.slice(3)}` : plain;
};
