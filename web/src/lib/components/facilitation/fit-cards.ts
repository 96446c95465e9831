/**
 * Every card of a presented lane is seen, without anyone touching the projector: the lane's cards
 * shrink (a `--fit` scale on the container, down to MIN_SCALE, so type stays readable from the
 * back of the room) until they fit; if they still do not, the lane pages through them on its own,
 * each page starting at the first card the previous page cut off.
 *
 * Use: `<div class="cards" use:fitCards>`; size the cards' type with `calc(… * var(--fit, 1))`.
 * The container gets `data-paged="true"` while it pages.
 */
import type { Action } from 'svelte/action';

/** Smallest scale of the cards' type: below this a projected card is hard to read. */
export const MIN_SCALE = 0.7;
const STEP = 0.05;
/** How long one page of a lane stays on screen. */
export const PAGE_MS = 7000;

export const fitCards: Action<HTMLElement> = (node) => {
  let frame = 0;
  const overflows = () => node.scrollHeight > node.clientHeight + 1;

  const fit = () => {
    frame = 0;
    let scale = 1;
    node.style.setProperty('--fit', '1');
    while (overflows() && scale > MIN_SCALE) {
      scale = Math.max(MIN_SCALE, Math.round((scale - STEP) * 100) / 100);
      node.style.setProperty('--fit', String(scale));
    }
    const paged = overflows();
    node.dataset.paged = String(paged);
    if (!paged) node.scrollTop = 0;
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(fit);
  };

  /** The next page starts at the highest card cut off at the bottom; after the last, the first. */
  const nextPage = () => {
    if (!overflows()) return;
    const view = node.getBoundingClientRect();
    const cut = [...node.children].map((c) => c.getBoundingClientRect()).filter((r) => r.bottom > view.bottom + 1);
    const padding = parseFloat(getComputedStyle(node).paddingTop) || 0;
    const top = cut.length === 0 ? 0 : node.scrollTop + Math.min(...cut.map((r) => r.top)) - view.top - padding;
    node.scrollTo({ top, behavior: 'smooth' });
  };

  const resize = new ResizeObserver(schedule);
  resize.observe(node);
  // Cards come, go and change their text while the lane is shown.
  const mutations = new MutationObserver(schedule);
  mutations.observe(node, { childList: true, subtree: true, characterData: true });
  const pager = setInterval(nextPage, PAGE_MS);
  schedule();

  return {
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      resize.disconnect();
      mutations.disconnect();
      clearInterval(pager);
    }
  };
};
