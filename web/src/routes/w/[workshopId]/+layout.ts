import { takeTokenFromUrl } from '$lib/session';
import type { LayoutLoad } from './$types';

/**
 * Every workshop link carries `?token=`: store it before any page of the workshop reads it.
 * The layout component then takes it out of the address bar.
 */
export const load: LayoutLoad = ({ url, params }) => {
  const clean = takeTokenFromUrl(url);
  return { workshopId: params.workshopId, cleanUrl: clean?.href ?? null };
};
