/**
 * Ids of cards and list items: 16 random base62 characters (~95 bits). Uses
 * `crypto.getRandomValues` through lib0, which browsers offer on plain-http LAN addresses too,
 * unlike `crypto.randomUUID`.
 */
import { getRandomValues } from 'lib0/webcrypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Bytes at or above this are rejected so every character is equally likely (248 = 4 × 62). */
const UNBIASED_LIMIT = 248;

/** Length of ids made by `createId`. */
export const ID_LENGTH = 16;

/** A new random id for a card or a list item. */
export const createId = (): string => {
  let id = '';
  while (id.length < ID_LENGTH) {
    for (const byte of getRandomValues(new Uint8Array(ID_LENGTH * 2))) {
      if (byte < UNBIASED_LIMIT && id.length < ID_LENGTH) id += ALPHABET[byte % 62];
    }
  }
  return id;
};

/** What an id read from outside (a snapshot, a URL) must look like: 1–64 of `A-Za-z0-9_-`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
