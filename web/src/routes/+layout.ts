import { i18n } from '$lib/i18n';

// Single-page app: everything renders in the browser from the local Yjs document.
export const ssr = false;
export const prerender = false;

/** The first page is drawn in the person's language, not English for a moment. */
export const load = async (): Promise<void> => {
  await i18n.ready;
};
