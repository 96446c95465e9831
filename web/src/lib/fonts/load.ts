/**
 * Adds the Thai, Khmer, Chinese, Japanese and Korean faces (fonts-thai-khmer-cjk.css) to the page.
 *
 * They are not in the first stylesheet: their rules alone are 58 KiB compressed, and once declared
 * the browser fetches a subset for every such character on the screen — on a first visit with a
 * board in six scripts, some 300 KiB of fonts, which on slow Wi-Fi queued before the board itself.
 * So on a device that has never loaded them, they wait until the first view is drawn: an idle
 * moment, and until every view that holds them back (the board, until its first sync) lets go.
 * Meanwhile those scripts are drawn with the device's own fonts (the stacks in scripts.css end in
 * system-ui), then swapped, as `font-display: swap` does for any face still downloading.
 *
 * On a device that has loaded them before (its caches hold the stylesheet and the subsets it
 * used), they are added at once, so a returning delegate's text never changes face.
 *
 * Once the rules are in, `<html data-fonts="all">` says so (tests wait for it before comparing
 * glyphs or taking screenshots).
 */
import { whenIdle } from '$lib/app/idle.ts';

/** localStorage flag: this device has loaded the faces before. */
const LOADED_BEFORE = 'plenary.fonts.thai-khmer-cjk';
/** The longest a view can hold the faces back (a board that cannot sync, offline). */
export const MAX_HOLD_MS = 10_000;

class ScriptFonts {
  #holds = 0;
  #requested = false;
  #started = false;

  /** The app is up: adds the faces now on a device that had them, else once nothing holds them back and the page is idle. */
  request(): void {
    if (typeof document === 'undefined') return;
    this.#requested = true;
    if (loadedBefore()) this.#load();
    else this.#maybeLoad();
  }

  /** Holds the faces back until the returned function is called (or MAX_HOLD_MS has passed). */
  hold(): () => void {
    this.#holds++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      this.#holds--;
      this.#maybeLoad();
    };
    const timer = setTimeout(release, MAX_HOLD_MS);
    return release;
  }

  #maybeLoad(): void {
    if (this.#requested && this.#holds === 0 && !this.#started) whenIdle(() => this.#load());
  }

  #load(): void {
    if (this.#started) return;
    this.#started = true;
    import('./fonts-thai-khmer-cjk.css')
      .then(() => {
        document.documentElement.dataset.fonts = 'all';
        try {
          localStorage.setItem(LOADED_BEFORE, '1');
        } catch {
          /* storage full or denied: the next visit waits again */
        }
      })
      .catch(() => {
        // Offline before the stylesheet was cached: again once the browser is back online.
        this.#started = false;
        window.addEventListener('online', () => this.#load(), { once: true });
      });
  }
}

const loadedBefore = (): boolean => {
  try {
    return localStorage.getItem(LOADED_BEFORE) === '1';
  } catch {
    return false;
  }
};

export const scriptFonts = new ScriptFonts();
