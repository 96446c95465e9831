/**
 * Body of the HTTP action that names a theme, as a zod schema: the server validates with it. Kept
 * out of `@plenary/shared/themes` so the web app does not download zod.
 */
import { z } from 'zod';
import { THEME_LANGUAGES, THEME_NAME_MAX } from './index.ts';

const nameText = z.string({ error: 'must be a string' }).trim().max(THEME_NAME_MAX, `must be at most ${THEME_NAME_MAX} characters`);

/**
 * Body of `PUT /api/workshops/:id/boards/:boardId/names`: the theme's names, by language. Every
 * language given replaces its name; an empty name removes it (readers then see the standing or
 * original name); languages not given keep theirs. Unknown languages are refused.
 */
export const themeNamesBody = z.object({
  names: z.strictObject(Object.fromEntries(THEME_LANGUAGES.map((lang) => [lang, nameText.optional()])) as Record<string, z.ZodOptional<typeof nameText>>, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `not one of the languages ${THEME_LANGUAGES.join(' ')}` : 'must be an object of names by language')
  })
});
export type ThemeNamesBody = z.infer<typeof themeNamesBody>;
