import { takeTokenFromUrl } from '$lib/session';
import type { PageLoad } from './$types';

/**
 * Present mode sits outside the workshop frame (no header, no "who are you" step: a projector
 * watches anonymously), so it stores the link's token itself. `?code=` carries the join code for
 * the corner (observer links are not told it by the server).
 */
export const load: PageLoad = ({ url, params }) => {
  const clean = takeTokenFromUrl(url);
  return { workshopId: params.workshopId, boardId: params.boardId, cleanUrl: clean?.href ?? null, code: url.searchParams.get('code') };
};
