/**
 * Dragging cards with a pointer (mouse, pen or finger): one pointer-events implementation instead
 * of HTML5 drag and drop, which touch screens do not support. A drag starts from a card's handle
 * once the pointer has moved a few pixels; the drop target is the lane under the pointer and the
 * gap between the cards nearest to it. Escape cancels.
 *
 * Near an edge the drag scrolls what is under the finger: the lane's card list up and down, the
 * lanes sideways (on a phone the next lane is only a sliver until then) and the page itself, every
 * animation frame while the pointer rests there, so a card can reach any place on the board.
 */
import type { Lane } from '@plenary/shared/schema';

/** Pixels the pointer must travel before a press on the handle becomes a drag. */
const DRAG_THRESHOLD_PX = 5;
/** Distance from a scrolling area's edge within which it scrolls during a drag. */
const AUTOSCROLL_EDGE_PX = 48;
/** Pixels scrolled per frame with the pointer right at the edge (less further in). */
const AUTOSCROLL_STEP_PX = 14;

export interface DropTarget {
  lane: Lane;
  /** Index among the lane's cards without the dragged one. */
  index: number;
}

export class CardDrag {
  /** Card being dragged, once the threshold is passed. */
  cardId = $state<string | null>(null);
  /** Where it would land if dropped now. */
  target = $state<DropTarget | null>(null);
  /** Pointer position, for the floating preview. */
  x = $state(0);
  y = $state(0);
  label = $state('');
  /** The last press became a drag (so the click that follows it is not a tap). */
  #dragged = false;

  readonly #onDrop: (cardId: string, target: DropTarget) => void;

  constructor(onDrop: (cardId: string, target: DropTarget) => void) {
    this.#onDrop = onDrop;
  }

  /** Call from the handle's `pointerdown`. */
  start = (event: PointerEvent, cardId: string, label: string): void => {
    if (event.button !== 0) return;
    const handle = event.currentTarget as HTMLElement;
    const startX = event.clientX;
    const startY = event.clientY;
    let dragging = false;
    let lastX = startX;
    let lastY = startY;
    let frame = 0;
    this.#dragged = false;
    handle.setPointerCapture(event.pointerId);

    // While dragging: scroll whatever edge the pointer rests near, then re-aim at what moved under it.
    const scrollFrame = (): void => {
      if (autoscroll(lastX, lastY)) this.target = findTarget(lastX, lastY, cardId);
      frame = requestAnimationFrame(scrollFrame);
    };

    const move = (e: PointerEvent): void => {
      if (!dragging) {
        if (Math.hypot(e.clientX - startX, e.clientY - startY) < DRAG_THRESHOLD_PX) return;
        dragging = true;
        this.#dragged = true;
        this.cardId = cardId;
        this.label = label;
        frame = requestAnimationFrame(scrollFrame);
      }
      e.preventDefault();
      lastX = e.clientX;
      lastY = e.clientY;
      this.x = e.clientX;
      this.y = e.clientY;
      this.target = findTarget(e.clientX, e.clientY, cardId);
    };
    const end = (e: PointerEvent): void => {
      cleanup();
      if (!dragging) return;
      const target = e.type === 'pointerup' ? findTarget(e.clientX, e.clientY, cardId) : null;
      this.#reset();
      if (target) this.#onDrop(cardId, target);
    };
    const key = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      cleanup();
      this.#reset();
    };
    const cleanup = (): void => {
      cancelAnimationFrame(frame);
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      window.removeEventListener('keydown', key);
      if (handle.hasPointerCapture(event.pointerId)) handle.releasePointerCapture(event.pointerId);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
    window.addEventListener('keydown', key);
  };

  /** True once after a press that became a drag: the handle's click then does nothing. */
  consumeDrag = (): boolean => {
    const dragged = this.#dragged;
    this.#dragged = false;
    return dragged;
  };

  #reset(): void {
    this.cardId = null;
    this.target = null;
  }
}

/** The lane under the point and the gap nearest to it, ignoring the dragged card itself. */
const findTarget = (x: number, y: number, draggedId: string): DropTarget | null => {
  const laneEl = document
    .elementsFromPoint(x, y)
    .map((el) => el.closest<HTMLElement>('[data-lane]'))
    .find(Boolean);
  const lane = laneEl?.dataset.lane as Lane | undefined;
  if (!laneEl || !lane) return null;
  const cards = [...laneEl.querySelectorAll<HTMLElement>('[data-card-id]')].filter((el) => el.dataset.cardId !== draggedId);
  let index = cards.length;
  for (let i = 0; i < cards.length; i++) {
    const box = cards[i]!.getBoundingClientRect();
    if (y < box.top + box.height / 2) {
      index = i;
      break;
    }
  }
  return { lane, index };
};

/** Pixels to scroll along one axis: toward the edge the point is within reach of, faster nearer it. */
const edgeStep = (at: number, start: number, end: number): number => {
  const edge = Math.min(AUTOSCROLL_EDGE_PX, (end - start) / 4);
  if (at < start + edge) return -Math.ceil(AUTOSCROLL_STEP_PX * Math.min(1, (start + edge - at) / edge));
  if (at > end - edge) return Math.ceil(AUTOSCROLL_STEP_PX * Math.min(1, (at - (end - edge)) / edge));
  return 0;
};

/** Scrolls by `step` if the element can; whether it moved. */
const scrollBy = (el: Element, axis: 'x' | 'y', step: number): boolean => {
  if (step === 0) return false;
  const before = axis === 'x' ? el.scrollLeft : el.scrollTop;
  if (axis === 'x') el.scrollLeft += step;
  else el.scrollTop += step;
  return (axis === 'x' ? el.scrollLeft : el.scrollTop) !== before;
};

/** One frame of edge scrolling under (x, y): the lane's list, the row of lanes, the page. Whether anything moved. */
const autoscroll = (x: number, y: number): boolean => {
  let moved = false;
  const under = document.elementsFromPoint(x, y);
  const list = under.map((el) => el.closest<HTMLElement>('[data-card-list]')).find(Boolean);
  if (list) {
    const box = list.getBoundingClientRect();
    moved = scrollBy(list, 'y', edgeStep(y, Math.max(box.top, 0), Math.min(box.bottom, window.innerHeight))) || moved;
  }
  const lanes = document.querySelector<HTMLElement>('[data-lanes]');
  if (lanes) {
    const box = lanes.getBoundingClientRect();
    moved = scrollBy(lanes, 'x', edgeStep(x, Math.max(box.left, 0), Math.min(box.right, window.innerWidth))) || moved;
  }
  const page = document.scrollingElement;
  if (page) moved = scrollBy(page, 'y', edgeStep(y, 0, window.innerHeight)) || moved;
  return moved;
};
