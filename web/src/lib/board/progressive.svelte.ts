/**
 * How many cards of a lane to draw now. When a lane receives many cards at once — the board opening
 * from the device's copy, or a new device's first sync — a lane on the screen draws the first FIRST
 * of them (more than a laptop's screen holds, many more than a phone's), a lane off it (a phone
 * shows one lane of three) only FIRST_OFF_SCREEN, and the rest come CHUNK at a time in the idle
 * moments after, so the first screen can be read and typed into before a 200-card board is built
 * (on a mid-range phone each card costs about 20 ms to build and lay out). A few cards arriving
 * (someone adds or moves one) are drawn at once. Whether a lane is on the screen is measured when
 * it is first drawn, and watched after (an IntersectionObserver).
 *
 * Public API
 *   const shown = new ProgressiveLimit()   in a component's script (its idle callback ends with it)
 *   use:shown.onScreen                     on the lane's element: draws FIRST at once when it is seen
 *   shown.take(cards)                      the cards to draw now (in a $derived)
 *   shown.reached(total)                   from an $effect with the lane's card count: schedules the next step
 */
import { onDestroy } from 'svelte';

/** Cards drawn at once when many arrive: a laptop's lane shows about eight, a phone's about four. */
export const FIRST = 16;
/** Cards drawn at once by a lane not on the screen: enough to show the lane is not empty when swiped to. */
export const FIRST_OFF_SCREEN = 2;
/** Cards added per step after that. */
const CHUNK = 24;
/** Up to this many cards beyond what is drawn are drawn at once (someone added or moved a few). */
const AT_ONCE = 4;
/** Longest wait for an idle moment before the next step. */
const STEP_TIMEOUT_MS = 50;

type IdleHandle = number;
const requestIdle = (fn: () => void): IdleHandle =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: STEP_TIMEOUT_MS }) : window.setTimeout(fn, 16);
const cancelIdle = (handle: IdleHandle): void => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle));

export class ProgressiveLimit {
  limit = $state(FIRST_OFF_SCREEN);
  #pending: IdleHandle | null = null;
  #total = 0;

  constructor() {
    onDestroy(() => {
      if (this.#pending !== null) cancelIdle(this.#pending);
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
    if (seen || typeof IntersectionObserver !== 'function') this.limit = Math.max(this.limit, FIRST);
    if (typeof IntersectionObserver !== 'function') return { destroy: () => {} };
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && this.limit < FIRST) this.limit = FIRST;
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
    this.#pending = requestIdle(() => {
      this.#pending = null;
      this.limit = Math.min(this.#total, this.limit + CHUNK);
      this.reached(this.#total);
    });
  }
}
