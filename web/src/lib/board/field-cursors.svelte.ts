/**
 * Who is typing in one text field, and where: this person's caret and selection go out in their
 * presence as Yjs relative positions (they stay at the same character while others type before
 * them), and the others' come back as boxes to draw over the field.
 *
 *   const cursors = new FieldCursors(field, text, presence)   once the field is in the page
 *   cursors.typists     Typist[]  others with their cursor in this field, with where to draw it  ($derived)
 *   cursors.destroy()
 *
 * Nothing here writes to the field or moves its selection, so focus and IME composition stay the
 * person's own. While a composition is open the field holds text the Y.Text does not have yet, so
 * this person's position is sent again only once it ends.
 */
import * as Y from 'yjs';
import { textLocation, type TextLocation } from '@plenary/shared/schema';
import type { PresenceCursor, RelativePositionJson } from '@plenary/shared/protocol';
import type { Person, Presence } from '$lib/sync';
import { caretGeometry, type CaretGeometry } from './caret-geometry.ts';

type Field = HTMLInputElement | HTMLTextAreaElement;

export interface Typist {
  person: Person;
  /** Offsets of their selection in the text now (anchor = head for a caret), or null before their edits arrive. */
  anchor: number | null;
  head: number | null;
  /** Where to draw it over the field, or null when it cannot be placed yet. */
  geometry: CaretGeometry | null;
}

/** Events after which the field's selection may have moved. */
const SELECTION_EVENTS = ['focus', 'select', 'input', 'keyup', 'pointerup', 'selectionchange'] as const;

export class FieldCursors {
  readonly #field: Field;
  readonly #text: Y.Text;
  readonly #presence: Presence;
  readonly #location: TextLocation | null;
  /** Bumped when the text or the field's layout changes, so the others' boxes are measured again. */
  #layout = $state(0);
  #composing = false;
  readonly #cleanup: (() => void)[] = [];

  readonly typists: Typist[] = $derived.by(() => {
    void this.#layout;
    const location = this.#location;
    if (!location) return [];
    return this.#presence.typingIn(location.card, location.field).map((person) => this.#place(person));
  });

  constructor(field: Field, text: Y.Text, presence: Presence) {
    this.#field = field;
    this.#text = text;
    this.#presence = presence;
    this.#location = textLocation(text);

    const publish = () => this.#publish();
    for (const name of SELECTION_EVENTS) this.#listen(field, name, publish);
    // Chromium tells selection moves inside a field on the document too (and not always on the field).
    this.#listen(document, 'selectionchange', () => {
      if (document.activeElement === field) publish();
    });
    this.#listen(field, 'blur', () => presence.setCursor(null));
    this.#listen(field, 'compositionstart', () => (this.#composing = true));
    // The binding writes the composed text on compositionend; the position is sent after it.
    this.#listen(field, 'compositionend', () => {
      this.#composing = false;
      queueMicrotask(publish);
    });

    const relayout = () => this.#layout++;
    this.#listen(field, 'scroll', relayout);
    this.#listen(window, 'resize', relayout);
    const observer = new ResizeObserver(relayout);
    observer.observe(field);
    this.#cleanup.push(() => observer.disconnect());
    text.observe(relayout);
    this.#cleanup.push(() => text.unobserve(relayout));
    // Text is measured again once fonts arrive. Not through `document.fonts.ready`: reading it when
    // no font is loading makes Chromium lay out the whole page there and then, and a board built
    // one such layout per card field (a first open's largest piece of script time on a phone).
    if (document.fonts) this.#listen(document.fonts, 'loadingdone', relayout);
  }

  destroy(): void {
    if (document.activeElement === this.#field) this.#presence.setCursor(null);
    for (const undo of this.#cleanup) undo();
  }

  #listen(target: EventTarget, name: string, handler: () => void): void {
    target.addEventListener(name, handler);
    this.#cleanup.push(() => target.removeEventListener(name, handler));
  }

  /** Sends this person's selection, when the field shows exactly the Y.Text (no composition open). */
  #publish(): void {
    const field = this.#field;
    const location = this.#location;
    if (!location || document.activeElement !== field || this.#composing) return;
    if (field.value !== this.#text.toString()) return;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? start;
    const backward = field.selectionDirection === 'backward';
    const cursor: PresenceCursor = {
      ...location,
      anchor: this.#relative(backward ? end : start),
      head: this.#relative(backward ? start : end)
    };
    this.#presence.setCursor(cursor);
  }

  #relative(index: number): RelativePositionJson {
    return Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(this.#text, index)) as RelativePositionJson;
  }

  #absolute(json: RelativePositionJson): number | null {
    const doc = this.#text.doc;
    if (!doc) return null;
    const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
    // A position in another text (a stale or wrong presence) is not drawn here.
    return position && position.type === this.#text ? position.index : null;
  }

  #place(person: Person): Typist {
    const cursor = person.cursor!;
    const anchor = this.#absolute(cursor.anchor);
    const head = this.#absolute(cursor.head);
    const geometry = anchor === null || head === null ? null : caretGeometry(this.#field, anchor, head);
    return { person, anchor, head, geometry };
  }
}
