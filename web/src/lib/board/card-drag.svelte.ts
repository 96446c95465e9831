/**
 * Dragging cards with a pointer (mouse, pen or finger): one pointer-events implementation instead
 * of HTML5 drag and drop, which touch screens do not support. A drag starts from a card's handle
 * once the pointer has moved a few pixels; the drop target is the lane under the pointer and the
 * gap between the cards nearest to it. Escape cancels.
 */
import type { Lane } from '@plenary/shared/schema';

/** Pixels the pointer must travel before a press on the handle becomes a drag. */
const DRAG_THRESHOLD_PX = 5;
/** Distance from a lane's top or bottom edge within which the lane scrolls during a drag. */
const AUTOSCROLL_EDGE_PX = 48;
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
    handle.setPointerCapture(event.pointerId);

    const move = (e: PointerEvent): void => {
      if (!dragging) {
        if (Math.hypot(e.clientX - startX, e.clientY - startY) < DRAG_THRESHOLD_PX) return;
        dragging = true;
        this.cardId = cardId;
        this.label = label;
      }
      e.preventDefault();
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

  #reset(): void {
    this.cardId = null;
    this.target = null;
  }
}

/** The lane under the point and the gap nearest to it, ignoring the dragged card itself. */
const findTarget = (x: number, y: number, draggedId: string): DropTarget | null => {
  const laneEl = document.elementsFromPoint(x, y).map((el) => el.closest<HTMLElement>('[data-lane]')).find(Boolean);
  const lane = laneEl?.dataset.lane as Lane | undefined;
  if (!laneEl || !lane) return null;
  const list = laneEl.querySelector<HTMLElement>('[data-card-list]');
  if (list) autoscroll(list, y);
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

const autoscroll = (list: HTMLElement, y: number): void => {
  const box = list.getBoundingClientRect();
  if (y < box.top + AUTOSCROLL_EDGE_PX) list.scrollTop -= AUTOSCROLL_STEP_PX;
  else if (y > box.bottom - AUTOSCROLL_EDGE_PX) list.scrollTop += AUTOSCROLL_STEP_PX;
};
