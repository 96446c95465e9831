/**
 * Keeps a board's last view (format.ts) on this device: a new picture once the board has been quiet
 * for a moment after it was drawn or changed, and at once when the page is hidden (the phone locked,
 * the tab left: often the last moment a page has). Nothing is kept where the browser has no Cache
 * Storage (a page not served over HTTPS or from localhost has no service worker either).
 *
 * Public API
 *   const keeper = new LastViewKeeper(path)   path: the board's address
 *   keeper.changed()                          the board was drawn or changed
 *   keeper.forget()                           the server refused this device: drop the picture
 *   keeper.destroy()
 */
import { version } from '$app/environment';
import { whenIdle } from '$lib/app/idle.ts';
import { LAST_VIEW_ATTRIBUTE, LAST_VIEW_CACHE, lastViewResponse, MAX_VIEW_BYTES } from './format.ts';
import { fontsInPage, pictureOf, stylesInPage } from './picture.ts';

/** How long after a change a new picture is taken (taking one reads the layout: not while typing). */
export const KEEP_AFTER_MS = 3000;
/**
 * The least time between two pictures while people edit. Taking one costs a phone tens of ms; the
 * picture that counts is the one taken when the page is hidden, and this only covers a page that
 * never is (a browser killed, a phone out of battery).
 */
export const KEEP_EVERY_MS = 30_000;

const hasCaches = (): boolean => typeof caches !== 'undefined' && window.isSecureContext;

/** The element SvelteKit draws the app in (the shell's body div; a last view sits before it). */
const appRoot = (): Element | null => document.querySelector(`body > div:not([${LAST_VIEW_ATTRIBUTE}])`);

export class LastViewKeeper {
  readonly #path: string;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #cancelIdle: (() => void) | null = null;
  #forgotten = false;
  /** The board has been drawn: there is something to take a picture of. */
  #drawn = false;
  #keptAt = -Infinity;

  constructor(path: string) {
    this.#path = path;
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  changed(): void {
    this.#drawn = true;
    if (this.#timer || this.#forgotten || !hasCaches()) return;
    const wait = Math.max(KEEP_AFTER_MS, this.#keptAt + KEEP_EVERY_MS - performance.now());
    this.#timer = setTimeout(() => {
      this.#cancelIdle = whenIdle(() => {
        this.#timer = null;
        this.#keep();
      });
    }, wait);
  }

  forget(): void {
    this.#forgotten = true;
    this.#cancel();
    if (hasCaches()) void caches.open(LAST_VIEW_CACHE).then((cache) => cache.delete(this.#path));
  }

  destroy(): void {
    this.#cancel();
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  #cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#cancelIdle?.();
    this.#timer = null;
    this.#cancelIdle = null;
  }

  readonly #onVisibility = (): void => {
    // Only a page whose board has been drawn takes one on leaving.
    if (document.visibilityState !== 'hidden' || this.#forgotten || !this.#drawn) return;
    this.#cancel();
    this.#keep();
  };

  #keep(): void {
    const root = appRoot();
    // The page still shows a last view of its own: the app has not drawn the board yet.
    if (this.#forgotten || !root || document.querySelector(`[${LAST_VIEW_ATTRIBUTE}]`) || !hasCaches()) return;
    const html = pictureOf(root);
    this.#keptAt = performance.now();
    if (!html || html.length > MAX_VIEW_BYTES) return;
    const response = lastViewResponse({ html, styles: stylesInPage(), fonts: fontsInPage(), version });
    void caches
      .open(LAST_VIEW_CACHE)
      .then((cache) => cache.put(this.#path, response))
      .catch(() => undefined); // storage full or refused: the next visit draws as it always did
  }
}
