import { takeOutcomesToken } from '$lib/follow-up/links.ts';
import type { PageLoad } from './$types';

/**
 * The outcomes page sits outside the workshop frame (no "who are you" step: a city's follow-up
 * link or a published outcomes link reads it anonymously), so it stores the link's token itself,
 * apart from the meeting tokens (lib/follow-up/links.ts).
 */
export const load: PageLoad = ({ url, params }) => {
  const clean = takeOutcomesToken(url);
  return { workshopId: params.workshopId, cleanUrl: clean?.href ?? null };
};
