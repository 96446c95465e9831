/**
 * Body of the HTTP action that saves a version, as a zod schema: the server validates with it. Kept
 * out of `@plenary/shared/versions` so the web app does not download zod.
 */
import { z } from 'zod';
import { VERSION_LABEL_MAX } from './types.ts';

/** Body of `POST /api/boards/:id/versions`. */
export const saveVersionBody = z.object({
  label: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(VERSION_LABEL_MAX, `must be at most ${VERSION_LABEL_MAX} characters`)
});
export type SaveVersionBody = z.infer<typeof saveVersionBody>;
