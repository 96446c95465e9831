/**
 * The app taking over from a board's last view (format.ts): what the person typed into the view's
 * text fields goes into the app's same fields (as typing would, so it is one undoable edit that
 * syncs), the field they are in keeps their focus and caret, the lanes keep how far they were
 * scrolled, and the view goes. A field of the view is matched to the app's by its card and its
 * place in the card, or by its name outside cards (the quick-add field).
 *
 * Public API
 *   lastViewShown()     whether the page opened on a last view still there
 *   handOver()          carry it over and remove it (again: nothing); waits for a word being composed there
 */
import { diffText } from '$lib/board/text-diff.ts';
import { LAST_VIEW_ATTRIBUTE, SEEN_TESTID } from './format.ts';

type Field = HTMLInputElement | HTMLTextAreaElement;
const TEXT_FIELDS = 'textarea, input:not([type]), input[type="text"], input[type="search"]';

const layer = (): HTMLElement | null => document.querySelector<HTMLElement>(`[${LAST_VIEW_ATTRIBUTE}]`);

export const lastViewShown = (): boolean => layer() !== null;

/** Where a field of the view is in the app: its card and its place among the card's fields, or its name and place. */
const counterpart = (field: Field, view: HTMLElement): Field | null => {
  const card = field.closest<HTMLElement>('[data-card-id]');
  const app = document;
  if (card) {
    const id = card.dataset.cardId ?? '';
    const index = [...card.querySelectorAll<Field>(TEXT_FIELDS)].indexOf(field);
    const appCard = [...app.querySelectorAll<HTMLElement>('[data-card-id]')].find((c) => c.dataset.cardId === id && !view.contains(c));
    return appCard?.querySelectorAll<Field>(TEXT_FIELDS)[index] ?? null;
  }
  const name = field.getAttribute(SEEN_TESTID);
  if (!name) return null;
  const index = [...view.querySelectorAll<Field>(`[${SEEN_TESTID}="${CSS.escape(name)}"]`)].indexOf(field);
  const matches = [...app.querySelectorAll<Field>(`[data-testid="${CSS.escape(name)}"]`)].filter((f) => !view.contains(f));
  return matches[index] ?? null;
};

/** The person's change to a view's field, made on the app's field as typing would. */
const carryText = (from: Field, to: Field): void => {
  const before = from.defaultValue;
  const typed = from.value;
  if (typed === before || to.readOnly || to.disabled) return;
  const change = diffText(before, typed, from.selectionEnd ?? typed.length);
  // The app's field may have moved on meanwhile (the board synced): the change goes where it was made.
  const current = to.value;
  const index = Math.min(change.index, current.length);
  to.value = current.slice(0, index) + change.insert + current.slice(Math.min(current.length, index + change.remove));
  const caret = index + change.insert.length;
  to.setSelectionRange(caret, caret);
  to.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: change.insert || null }));
};

declare global {
  interface Window {
    /** An input method's composition is open somewhere in the page (noted by app.html's script). */
    __plenaryComposing?: boolean;
  }
}

/** A handover waits for a composition to end. */
let waiting = false;

/**
 * Carries what the view holds that the person did (typing, focus, scrolling) into the app, then
 * removes it. While a word is being composed in one of its fields (an input method: Thai, Chinese,
 * Japanese…), taking the field away would end the composition half made, or lose it: the view
 * stays until the composition ends, then hands over with the word in it.
 */
export const handOver = (): void => {
  const view = layer();
  if (!view) return;
  if (window.__plenaryComposing === true && view.contains(document.activeElement)) {
    if (waiting) return;
    waiting = true;
    // After the composition's last input has reached the field.
    const ended = () => {
      waiting = false;
      setTimeout(handOver);
    };
    document.addEventListener('compositionend', ended, { once: true, capture: true });
    return;
  }
  const focused = view.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
  for (const field of view.querySelectorAll<Field>(TEXT_FIELDS)) {
    const target = counterpart(field, view);
    if (target) carryText(field, target);
  }
  // Scrolled positions: the view's own (the page's, on a phone) and each lane's list.
  const scrolled = { top: view.scrollTop, left: view.scrollLeft };
  const appLanes = [...document.querySelectorAll<HTMLElement>('[data-lanes]')].filter((l) => !view.contains(l));
  const lanes = [...view.querySelectorAll<HTMLElement>('[data-lanes]')].map((l) => l.scrollLeft);
  const lists = new Map(
    [...view.querySelectorAll<HTMLElement>('[data-lane]')].map((lane) => [lane.dataset.lane, lane.querySelector('[data-card-list]')?.scrollTop ?? 0])
  );
  view.remove();
  if (scrolled.top || scrolled.left) window.scrollTo(scrolled.left, scrolled.top);
  appLanes.forEach((element, i) => {
    if (lanes[i]) element.scrollLeft = lanes[i];
  });
  for (const lane of document.querySelectorAll<HTMLElement>('[data-lane]')) {
    const top = lists.get(lane.dataset.lane);
    const list = lane.querySelector<HTMLElement>('[data-card-list]');
    if (top && list) list.scrollTop = top;
  }
  if (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement) {
    const target = counterpart(focused, view);
    if (target) {
      const start = focused.selectionStart;
      const end = focused.selectionEnd;
      target.focus({ preventScroll: true });
      if (start !== null && end !== null && focused.value === target.value) target.setSelectionRange(start, end);
    }
  }
};
