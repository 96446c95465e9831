/**
 * How many cards of a lane to draw now. When a lane receives many cards at once — the board opening
 * from the device's copy, or a new device's first sync — a lane on the screen draws as many as
 * would fill the screen below its top even if every card were as short as a card can be (about six
 * on a phone or a laptop, at most FIRST), a lane off it (a phone shows one lane of three) only
 * FIRST_OFF_SCREEN, and the rest come CHUNK at a time after, so the first screen can be read and
 * typed into before a 200-card board is built (on a mid-range phone each card costs about 20 ms to
 * build and lay out). Each step waits for a frame to be drawn, then for an idle moment: on a busy
 * phone an idle callback's timeout alone would run the steps before the first screen is painted.
 * A few cards arriving (someone adds or moves one) are drawn at once. Whether a lane is on the
 * screen is measured when it is first drawn, and watched after (an IntersectionObserver).
 *
 * Public API
 *   const shown = new ProgressiveLimit()   in a component's script (its idle callback ends with it)
 *   use:shown.onScreen                     on the lane's element: draws its first screen at once when it is seen
 *   shown.take(cards)                      the cards to draw now (in a $derived)
 *   shown.reached(total)                   from an $effect with the lane's card count: schedules the next step
 */
import { onDestroy } from 'svelte';

/** Most cards a lane on the screen draws at once when many arrive (a tall screen, a projector). */
export const FIRST = 24;
/**
 * The least height a drawn card takes, with the gap below it (a one-line idea; cards measure
 * 120–270 px on a phone and a laptop), so the first screen's count errs on the side of filling it.
 */
const CARD_MIN_PX = 96;
/** Cards drawn at once by a lane not on the screen: enough to show the lane is not empty when swiped to. */
export const FIRST_OFF_SCREEN = 2;
/** Cards added per step after that. */
const CHUNK = 24;
/** Up to this many cards beyond what is drawn are drawn at once (someone added or moved a few). */
const AT_ONCE = 4;
/** Longest wait for an idle moment before the next step. */
const STEP_TIMEOUT_MS = 50;

/** Runs `fn` in an idle moment after the next frame is drawn; returns what cancels it. */
const afterNextFrame = (fn: () => void): (() => void) => {
  let idle: number | null = null;
  const frame = requestAnimationFrame(() => {
    idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: STEP_TIMEOUT_MS }) : window.setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (idle === null) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    else clearTimeout(idle);
  };
};

/** Cards that fill the screen below the top of the lane's card list, however short they are. */
const firstScreen = (lane: Element): number => {
  const list = lane.querySelector('[data-card-list]') ?? lane;
  const top = Math.max(0, list.getBoundingClientRect().top);
  const fill = Math.ceil((window.innerHeight - top) / CARD_MIN_PX) + 1;
  return Math.min(FIRST, Math.max(FIRST_OFF_SCREEN, fill));
};

export class ProgressiveLimit {
  limit = $state(FIRST_OFF_SCREEN);
  #pending: (() => void) | null = null;
  #total = 0;

  constructor() {
    onDestroy(() => {
      this.#pending?.();
      this.#pending = null;
    });
  }

  /**
   * A Svelte action for the lane's element: a lane on the screen when it is drawn draws its first
   * screen before that is painted (measured then, one layout of lanes holding two cards each); a
   * lane that comes on the screen later (swiped to) as soon as it does.
   */
  onScreen = (node: Element): { destroy: () => void } => {
    const box = node.getBoundingClientRect();
    const seen = box.right > 0 && box.left < window.innerWidth && box.bottom > 0 && box.top < window.innerHeight;
    if (seen || typeof IntersectionObserver !== 'function') this.limit = Math.max(this.limit, firstScreen(node));
    if (typeof IntersectionObserver !== 'function') return { destroy: () => {} };
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.limit = Math.max(this.limit, firstScreen(node));
    });
    observer.observe(node);
    return { destroy: () => observer.disconnect() };
  };

  /** The first `limit` of `items`, or all of them when only a few are beyond it. */
  take<T>(items: T[]): T[] {
    return items.length - this.limit <= AT_ONCE ? items : items.slice(0, this.limit);
  }

  /** The lane holds `total` cards: keeps the limit up with a few added, or draws the next step of many. */
  reached(total: number): void {
    this.#total = total;
    if (total - this.limit <= AT_ONCE) {
      if (total > this.limit) this.limit = total;
      return;
    }
    if (this.#pending !== null) return;
    this.#pending = afterNextFrame(() => {
      this.#pending = null;
      this.limit = Math.min(this.#total, this.limit + CHUNK);
      this.reached(this.#total);
    });
  }
}
