// Single-page app: everything renders in the browser from the local Yjs document.
export const ssr = false;
export const prerender = false;
