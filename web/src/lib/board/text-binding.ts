/**
 * Binds a `Y.Text` to a plain `<input>` or `<textarea>` so several people can type in the same
 * field at once.
 *
 * - Local typing becomes one minimal delete+insert per input event, in a transaction tagged with
 *   the person's origin (so their UndoManager tracks it and nobody else's does).
 * - Changes from elsewhere (co-editors, undo/redo) replace the field's value and carry the caret
 *   and selection through the delta, so the caret does not jump while someone else types.
 * - During IME composition (Thai, Chinese, Japanese, Korean, Vietnamese input methods) the field
 *   belongs to the input method: nothing half-composed is written to the `Y.Text`, and changes
 *   from elsewhere are queued and merged after `compositionend`. Overwriting the value mid-
 *   composition is what makes other screens show duplicated or broken characters.
 */
import type * as Y from 'yjs';
import { diffText, transformThrough, type TextDelta } from './text-diff.ts';

type Field = HTMLInputElement | HTMLTextAreaElement;

export interface TextBindingOptions {
  /** Transaction origin of this person's edits (tracked by their UndoManager). */
  origin: unknown;
  /** Longest text accepted; longer pastes are cut (the schema refuses longer texts). */
  maxLength?: number;
}

/** Binds `field` to `text`; returns the function that unbinds it. */
export const bindText = (field: Field, text: Y.Text, { origin, maxLength }: TextBindingOptions): (() => void) => {
  /** What the field showed when it last matched the Y.Text (the base of a composition). */
  let shadow = text.toString();
  let composing = false;
  /** Deltas from elsewhere that arrived during a composition, oldest first. */
  let queued: TextDelta[] = [];
  field.value = shadow;

  const writeLocal = (): void => {
    let value = field.value;
    if (maxLength !== undefined && value.length > maxLength) {
      value = value.slice(0, maxLength);
      field.value = value;
    }
    const change = diffText(shadow, value, field.selectionEnd ?? value.length);
    shadow = value;
    if (change.remove === 0 && change.insert === '') return;
    text.doc?.transact(() => {
      if (change.remove > 0) text.delete(change.index, change.remove);
      if (change.insert) text.insert(change.index, change.insert);
    }, origin);
  };

  /** Shows the Y.Text's current value, carrying the selection through `deltas`. */
  const showRemote = (deltas: readonly TextDelta[]): void => {
    const value = text.toString();
    if (value === field.value) {
      shadow = value;
      return;
    }
    const focused = document.activeElement === field;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? 0;
    const direction = field.selectionDirection ?? 'none';
    field.value = value;
    shadow = value;
    if (focused) {
      const collapsed = start === end;
      const newStart = transformThrough(start, deltas, true);
      const newEnd = collapsed ? newStart : transformThrough(end, deltas, false);
      field.setSelectionRange(newStart, Math.max(newStart, newEnd), direction);
    }
  };

  /**
   * After a composition: the composed text is a change against `shadow`, but the Y.Text has moved
   * on by the queued deltas. Rebase the change through them, apply it, then show the result.
   */
  const finishComposition = (): void => {
    composing = false;
    const deltas = queued;
    queued = [];
    const value = field.value;
    const caret = field.selectionEnd ?? value.length;
    const change = diffText(shadow, value, caret);
    const from = transformThrough(change.index, deltas, false);
    const to = Math.max(from, transformThrough(change.index + change.remove, deltas, true));
    text.doc?.transact(() => {
      if (to > from) text.delete(from, to - from);
      if (change.insert) text.insert(from, change.insert);
    }, origin);
    const next = text.toString();
    shadow = next;
    if (next === value) return;
    field.value = next;
    if (document.activeElement !== field) return;
    const composedEnd = change.index + change.insert.length;
    let at: number;
    if (caret >= composedEnd) {
      // The caret sits in text the composition did not touch: find that spot after the queued changes.
      const inShadow = change.index + change.remove + (caret - composedEnd);
      at = transformThrough(inShadow, deltas, true) - (to - from) + change.insert.length;
    } else {
      at = from + Math.max(0, caret - change.index);
    }
    at = Math.max(0, Math.min(next.length, at));
    field.setSelectionRange(at, at);
  };

  const onInput = (event: Event): void => {
    if (composing || (event as InputEvent).isComposing) return;
    writeLocal();
  };
  const onCompositionStart = (): void => {
    composing = true;
  };
  const onCompositionEnd = (): void => {
    if (composing) finishComposition();
  };
  const onTextChange = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
    if (transaction.origin === origin && !composing && text.toString() === field.value) {
      shadow = field.value;
      return;
    }
    const delta = event.delta as TextDelta;
    if (composing) queued.push(delta);
    else showRemote([delta]);
  };

  field.addEventListener('input', onInput);
  field.addEventListener('compositionstart', onCompositionStart);
  field.addEventListener('compositionend', onCompositionEnd);
  text.observe(onTextChange);
  return () => {
    field.removeEventListener('input', onInput);
    field.removeEventListener('compositionstart', onCompositionStart);
    field.removeEventListener('compositionend', onCompositionEnd);
    text.unobserve(onTextChange);
  };
};
