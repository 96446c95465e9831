/**
 * A board's last view: the first screen of a board as this device last showed it, kept so that a
 * returning person sees their board — and can start typing in its cards — as soon as the page's
 * HTML arrives, before the app's scripts have loaded and run (on a mid-range phone they take about a
 * second). The page keeps it (keeper.svelte.ts, picture.ts); the service worker puts it into the
 * shell it answers the board's address with (`withLastView`); the app takes over from it once it
 * has drawn the board itself (handover.ts), carrying over what was typed meanwhile.
 *
 * This module is shared by the page and the service worker: no DOM here.
 */

/** The Cache Storage cache holding last views, one entry per board address. */
export const LAST_VIEW_CACHE = 'plenary-last-view';
/** Header of a kept view: the app version it was drawn by (its class names belong to that build). */
export const VERSION_HEADER = 'X-Plenary-Version';
/** Header of a kept view: the stylesheets it was drawn with, space-separated. */
export const STYLES_HEADER = 'X-Plenary-Styles';
/** Header of a kept view: the font files its text was drawn with, space-separated. */
export const FONTS_HEADER = 'X-Plenary-Fonts';
/** Attribute marking the element that holds a last view in the page. */
export const LAST_VIEW_ATTRIBUTE = 'data-last-view';
/**
 * The `data-testid` of an element in a last view is kept under this name instead: the picture and
 * the app's own board are both in the page for a moment, and what looks for one must not find the
 * other.
 */
export const SEEN_TESTID = 'data-seen-testid';
/** Components mark what is of the moment and not for a later view (others' carets, toasts, menus). */
export const TRANSIENT_ATTRIBUTE = 'data-transient';
/** The largest view kept: a first screen is a few tens of KiB; anything larger is not a first screen. */
export const MAX_VIEW_BYTES = 512 * 1024;

/** Stylesheets and fonts a view may name: the build's own hashed files. */
const STYLE_PATH = /^\/_app\/immutable\/[\w./-]+\.css$/;
/**
 * The Chinese, Japanese and Korean faces' files: hundreds of small subsets (about 7 MB in all),
 * which the service worker keeps only once a page has used them, and which a picture never names
 * (its text is drawn with the device's own CJK font, as the app's first screen is).
 */
export const CJK_FONT_FILE = /\/noto-sans-(sc|jp|kr)-[^/]*\.woff2$/;
const FONT_PATH = /^\/_app\/immutable\/[\w./-]+\.woff2$/;

export interface LastView {
  /** The app's root content, as drawn. */
  html: string;
  /** The build's stylesheets it needs, as paths. */
  styles: string[];
  /** The build's font files its text used, as paths: asked for at once, so its first layout has them. */
  fonts: string[];
  version: string;
}

/** The shell's inline script adding the route's module preloads (web/preload-routes.mjs marks it). */
const ROUTE_PRELOADS = /<script data-route-preloads>[\s\S]*?<\/script>/;

/** The element closing a picture in the page: the page is drawn once it is parsed. */
const PICTURE_END_ID = 'plenary-last-view-end';

/** Only board pages keep a view; their address is the key. */
export const BOARD_PATH = /^\/w\/[^/]+\/b\/[^/]+\/?$/;

/**
 * The shell page with `view` shown over it until the app takes over: its stylesheets in the head
 * (the shell names only the root's), the view at the start of the body. Null when the view cannot
 * be shown with this build: another version drew it, or it names a stylesheet the build does not
 * have (then the shell is answered as it is).
 */
export const withLastView = (shell: string, view: LastView, build: { version: string; has: (path: string) => boolean }): string | null => {
  if (view.version !== build.version) return null;
  if (view.html.length > MAX_VIEW_BYTES) return null;
  if (!view.styles.every((style) => STYLE_PATH.test(style) && build.has(style))) return null;
  if (!view.fonts.every((font) => FONT_PATH.test(font) && build.has(font))) return null;
  const head = shell.indexOf('</head>');
  const body = /<body[^>]*>/.exec(shell);
  if (head < 0 || !body || body.index < head) return null;
  const links = view.styles
    .filter((style) => !shell.includes(`href="${style}"`))
    .map((style) => `<link rel="stylesheet" href="${style}">`)
    .join('');
  // Without them the picture is laid out in fallback faces, then again as each file arrives.
  const fonts = view.fonts.map((font) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="${font}">`).join('');
  // Nothing is drawn until the picture is parsed whole: the parser yields every few milliseconds,
  // and each yield drew (styled, laid out and painted) the part parsed so far — four layouts of a
  // growing picture on a phone instead of one.
  const whole = `<link rel="expect" href="#${PICTURE_END_ID}" blocking="render">`;
  const afterBody = body.index + body[0].length;
  // The shell's route preloads (web/preload-routes.mjs) go after the picture: each preload it adds
  // starts a request on the page's thread (about 50 ms on a mid-range phone for a board's seven),
  // and in the head they held the picture's parsing and first frame back. After it, they still go
  // out before the app's own boot script runs.
  const preloads = ROUTE_PRELOADS.exec(shell.slice(0, head))?.[0] ?? '';
  // A fixed layer over the page: the app builds its own page underneath, and the layer goes when
  // the app has drawn the board. Contained, so laying out either leaves the other alone. aria-busy:
  // what a screen reader finds here is about to be replaced.
  const layer =
    `<div ${LAST_VIEW_ATTRIBUTE} aria-busy="true" style="position:fixed;inset:0;z-index:2147483000;overflow:auto;contain:strict;background:var(--color-bg,#fff)">` +
    `${view.html}<i id="${PICTURE_END_ID}" hidden></i></div>`;
  return shell.slice(0, head).replace(preloads, '') + whole + fonts + links + shell.slice(head, afterBody) + layer + preloads + shell.slice(afterBody);
};

/** A kept view as the cache holds it. */
export const lastViewResponse = (view: LastView): Response =>
  new Response(view.html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      [VERSION_HEADER]: view.version,
      [STYLES_HEADER]: view.styles.join(' '),
      [FONTS_HEADER]: view.fonts.join(' ')
    }
  });

/** A kept view read back from the cache. */
export const lastViewFrom = async (response: Response): Promise<LastView> => ({
  html: await response.text(),
  version: response.headers.get(VERSION_HEADER) ?? '',
  styles: (response.headers.get(STYLES_HEADER) ?? '').split(' ').filter(Boolean),
  fonts: (response.headers.get(FONTS_HEADER) ?? '').split(' ').filter(Boolean)
});
