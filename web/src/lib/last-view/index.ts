/**
 * A board's last view (format.ts says what it is), as the app's pages use it. What takes the
 * picture and what hands over from it are loaded when first needed: a first visit shows no picture,
 * and a picture is first taken seconds after the board is drawn, so neither weighs on the board
 * page's first scripts.
 *
 * Public API
 *   handOver()                       the app has drawn (or shows something else): carry over, remove
 *   lastViewKeeper(path)             { changed(), forget(), destroy() } for the board at `path`
 */
import { whenIdle } from '$lib/app/idle.ts';
import { LAST_VIEW_ATTRIBUTE } from './format.ts';

type HandOver = typeof import('./handover.ts');
type Keeper = import('./keeper.ts').LastViewKeeper;

let handover: Promise<HandOver> | null = null;

const shown = (): boolean => typeof document !== 'undefined' && document.querySelector(`[${LAST_VIEW_ATTRIBUTE}]`) !== null;

/** Loads the handover now when the page opened on a picture, so it is there once the board is drawn. */
export const prepareHandOver = (): void => {
  if (shown()) handover ??= import('./handover.ts');
};

export const handOver = (): void => {
  if (!shown()) return;
  handover ??= import('./handover.ts');
  // Not loaded (offline before it was cached): the picture goes without carrying anything over.
  handover.then((module) => module.handOver()).catch(() => document.querySelector(`[${LAST_VIEW_ATTRIBUTE}]`)?.remove());
};

export interface LastViewKeeping {
  changed(): void;
  forget(): void;
  destroy(): void;
}

/**
 * Keeps the last view of the board at `path` (keeper.ts). The keeper is loaded once the board has
 * changed and the page is idle with its board synced: on slow Wi-Fi it does not share the link
 * with the board's bytes.
 */
export const lastViewKeeper = (path: string): LastViewKeeping => {
  let keeper: Keeper | null = null;
  let loading: Promise<Keeper | null> | null = null;
  let waiting: (() => void) | null = null;
  let destroyed = false;
  const load = (): Promise<Keeper | null> =>
    (loading ??= import('./keeper.ts').then(
      ({ LastViewKeeper }) => {
        if (destroyed) return null;
        keeper = new LastViewKeeper(path);
        return keeper;
      },
      () => {
        loading = null; // offline before it was cached: tried again on the next change
        return null;
      }
    ));
  return {
    changed: () => {
      if (keeper) keeper.changed();
      else waiting ??= whenIdle(() => void load().then((k) => k?.changed()));
    },
    forget: () => void load().then((k) => k?.forget()),
    destroy: () => {
      destroyed = true;
      waiting?.();
      keeper?.destroy();
    }
  };
};
