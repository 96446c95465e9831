/**
 * Adds the font faces a first view can do without to the page, in two stylesheets:
 *  - fonts-later.css: Noto Sans semi-bold and bold, Thai and Khmer (16 rules);
 *  - fonts-cjk.css: Chinese, Japanese and Korean (337 rules, one per slice of each font).
 *
 * They are not in the first stylesheet: their rules alone were 58 KiB compressed, and once declared
 * the browser fetches a subset for every such character on the screen — on a first visit to a
 * board in six scripts, some 300 KiB of fonts, which on slow Wi-Fi queued before the board itself.
 * So on a device that has never loaded them, both wait for deferred work's turn (idle.ts: an idle
 * moment once the board has synced). Meanwhile those scripts are drawn with the device's own fonts
 * (the stacks in scripts.css end in system-ui) and bold is synthesised, then the faces swap in, as
 * `font-display: swap` does for any face still downloading.
 *
 * On a device that has loaded them before (its caches hold the stylesheets and the subsets it
 * used), fonts-later.css is added at once, so a returning delegate's bold, Thai and Khmer text
 * never changes face. The CJK rules still wait for the first idle moment after the first screen
 * (idle.ts: `whenDrawnAndIdle`), not for the board's sync (nothing of theirs comes over the network
 * then): the browser sets up all 337 of them before its next layout, and once they are in, its
 * first layout of Chinese, Japanese or Korean text walks them. On a returning device's board that
 * was 40 ms of style and 130 ms of layout before the first screen on the development machine, four
 * times that on an emulated phone (docs/PERFORMANCE.md). Until they are in, Han, kana
 * and Hangul are drawn with the device's own CJK font, which on Android is Noto too.
 *
 * Once every rule is in, `<html data-fonts="all">` says so (tests wait for it before comparing
 * glyphs or taking screenshots).
 */
import { whenDrawnAndIdle, whenIdle } from '$lib/app/idle.ts';

/** localStorage flag: this device has loaded the faces before. */
const LOADED_BEFORE = 'plenary.fonts.later';

const Faces = {
  later: () => import('./fonts-later.css'),
  cjk: () => import('./fonts-cjk.css')
} as const;
type Faces = keyof typeof Faces;

const started = new Set<Faces>();
const added = new Set<Faces>();

const loadedBefore = (): boolean => {
  try {
    return localStorage.getItem(LOADED_BEFORE) === '1';
  } catch {
    return false;
  }
};

const load = (faces: Faces): void => {
  if (started.has(faces)) return;
  started.add(faces);
  Faces[faces]()
    .then(() => {
      added.add(faces);
      if (added.size < Object.keys(Faces).length) return;
      document.documentElement.dataset.fonts = 'all';
      try {
        localStorage.setItem(LOADED_BEFORE, '1');
      } catch {
        /* storage full or denied: the next visit waits again */
      }
    })
    .catch(() => {
      // Offline before the stylesheet was cached: again once the browser is back online.
      started.delete(faces);
      window.addEventListener('online', () => load(faces), { once: true });
    });
};

/** Adds the faces: on a device that had them, the first now and CJK once the first screen is drawn; else both when deferred work has its turn. */
export const loadLaterFonts = (): void => {
  if (typeof document === 'undefined') return;
  if (loadedBefore()) {
    load('later');
    whenDrawnAndIdle(() => load('cjk'));
  } else {
    whenIdle(() => {
      load('later');
      load('cjk');
    });
  }
};
