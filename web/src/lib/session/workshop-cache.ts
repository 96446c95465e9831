/**
 * The last known description of each workshop (title, cities, boards), so the workshop and board
 * pages open offline. Refreshed from the server whenever it answers.
 */
import type { Workshop } from '$lib/api';
import { readJson, writeJson } from './storage.ts';

const cacheKey = (workshopId: string): string => `plenary.workshop.${workshopId}`;

export const cachedWorkshop = (workshopId: string): Workshop | null => readJson<Workshop>(cacheKey(workshopId));

export const cacheWorkshop = (workshop: Workshop): void => {
  // Other roles' tokens stay out of the cache: they are kept, per role, by tokens.ts only.
  const { tokens: _tokens, ...rest } = workshop;
  writeJson(cacheKey(workshop.id), rest);
};
