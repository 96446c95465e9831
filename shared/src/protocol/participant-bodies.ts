/**
 * Bodies of the HTTP actions about participants, as zod schemas: the server validates with them.
 * Kept out of `@plenary/shared/protocol` so the web app does not download zod.
 */
import { z } from 'zod';

const personName = z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');

/** POST /workshops/:id/seats — a facilitator grants a city a seat (optionally for a named person). */
export const seatBody = z.object({
  city: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(200),
  name: personName.optional()
});
