/**
 * Adds the font faces a first view can do without (fonts-later.css: Noto Sans semi-bold and bold,
 * Thai, Khmer, Chinese, Japanese and Korean) to the page.
 *
 * They are not in the first stylesheet: their rules alone were 58 KiB compressed, and once declared
 * the browser fetches a subset for every such character on the screen — on a first visit to a
 * board in six scripts, some 300 KiB of fonts, which on slow Wi-Fi queued before the board itself.
 * So on a device that has never loaded them, they wait for deferred work's turn (idle.ts: an idle
 * moment once the board has synced). Meanwhile those scripts are drawn with the device's own fonts
 * (the stacks in scripts.css end in system-ui) and bold is synthesised, then the faces swap in, as
 * `font-display: swap` does for any face still downloading.
 *
 * On a device that has loaded them before (its caches hold the stylesheet and the subsets it used),
 * they are added at once, so a returning delegate's text never changes face.
 *
 * Once the rules are in, `<html data-fonts="all">` says so (tests wait for it before comparing
 * glyphs or taking screenshots).
 */
import { whenIdle } from '$lib/app/idle.ts';

/** localStorage flag: this device has loaded the faces before. */
const LOADED_BEFORE = 'plenary.fonts.later';

let started = false;

const loadedBefore = (): boolean => {
  try {
    return localStorage.getItem(LOADED_BEFORE) === '1';
  } catch {
    return false;
  }
};

const load = (): void => {
  if (started) return;
  started = true;
  import('./fonts-later.css')
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
      started = false;
      window.addEventListener('online', load, { once: true });
    });
};

/** Adds the faces: now on a device that had them, else when deferred work has its turn. */
export const loadLaterFonts = (): void => {
  if (typeof document === 'undefined') return;
  if (loadedBefore()) load();
  else whenIdle(load);
};
