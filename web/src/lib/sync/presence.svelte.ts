/**
 * Who is on a board, live, through the y-websocket awareness channel. A person who closes the tab
 * disappears at once (y-websocket sends a "left" update); one whose laptop dies disappears when
 * the server drops the socket or after awareness' 30-second timeout.
 *
 * Public API
 *   const presence = new Presence(conn.awareness)
 *   presence.people        Person[] — everyone on the board, this device first     ($state)
 *   presence.others        Person[] — everyone except this device                  ($derived)
 *   presence.editorsOf(cardId)  Person[] editing that card (not this device)
 *   presence.typingIn(card, field)  Person[] with their cursor in that text field (not this device)
 *   presence.setLocal({ name, city, color, lang, editing })   publish/refresh our own state
 *   presence.setEditing(cardId | null)                        change only the card being edited
 *   presence.setCursor(cursor | null)   where we type (at most CURSOR_INTERVAL_MS apart; the last one always goes)
 *   presence.destroy()
 *
 * Awareness state on the wire (a public format, checked by the server: shared/src/protocol/presence.ts):
 *   { user: { name, city, color, lang }, editing: string | null, cursor: PresenceCursor | null }
 */
import type { Awareness } from 'y-protocols/awareness';
import { readPresenceCursor, type PresenceCursor } from '@plenary/shared/protocol';

/** Cursor moves are sent at most ten times a second: enough to follow typing, light on the room. */
export const CURSOR_INTERVAL_MS = 100;

export interface PresenceUser {
  name: string;
  /** The city the person represents (its English name, as in the workshop's city list). */
  city: string;
  /** CSS colour of the person's cursor and avatar ring. */
  color: string;
  /** The person's interface language (BCP 47), e.g. 'th'. */
  lang: string;
}

export interface LocalPresence extends PresenceUser {
  /** Id of the card the person is editing, if any. */
  editing: string | null;
}

export interface Person extends LocalPresence {
  /** Awareness client id (one per open tab). */
  clientId: number;
  /** This tab. */
  self: boolean;
  /** The text field the person is typing in, and their caret or selection there. */
  cursor: PresenceCursor | null;
}

interface WireState {
  user?: Partial<PresenceUser>;
  editing?: unknown;
  cursor?: unknown;
}

export class Presence {
  people = $state<Person[]>([]);
  readonly others: Person[] = $derived(this.people.filter((p) => !p.self));

  readonly #awareness: Awareness;
  readonly #onChange: () => void;
  /** The cursor waiting for its turn (undefined: nothing waiting), and when one was last sent. */
  #pendingCursor: PresenceCursor | null | undefined = undefined;
  #cursorSentAt = 0;
  #cursorTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(awareness: Awareness) {
    this.#awareness = awareness;
    this.#onChange = () => {
      this.people = readPeople(this.#awareness);
    };
    awareness.on('change', this.#onChange);
    this.#onChange();
  }

  setLocal(state: LocalPresence): void {
    const { name, city, color, lang, editing } = state;
    // A new name or colour keeps the field the person is typing in.
    const cursor = (this.#awareness.getLocalState() as WireState | null)?.cursor ?? null;
    this.#awareness.setLocalState({ user: { name, city, color, lang }, editing, cursor });
  }

  /** Publishes where this person types; moves closer together than CURSOR_INTERVAL_MS wait, and only the latest goes. */
  setCursor(cursor: PresenceCursor | null): void {
    this.#pendingCursor = cursor;
    if (this.#cursorTimer !== undefined) return;
    const wait = this.#cursorSentAt + CURSOR_INTERVAL_MS - Date.now();
    if (wait <= 0) this.#sendCursor();
    else this.#cursorTimer = setTimeout(() => this.#sendCursor(), wait);
  }

  #sendCursor(): void {
    this.#cursorTimer = undefined;
    const cursor = this.#pendingCursor;
    this.#pendingCursor = undefined;
    const current = this.#awareness.getLocalState() as WireState | null;
    if (cursor === undefined || !current?.user) return;
    if (JSON.stringify(current.cursor ?? null) === JSON.stringify(cursor)) return;
    this.#cursorSentAt = Date.now();
    this.#awareness.setLocalStateField('cursor', cursor);
  }

  typingIn(card: string, field: string): Person[] {
    return this.others.filter((p) => p.cursor?.card === card && p.cursor.field === field);
  }

  setEditing(cardId: string | null): void {
    const current = this.#awareness.getLocalState() as WireState | null;
    if (!current?.user) return;
    if (current.editing === cardId) return;
    this.#awareness.setLocalStateField('editing', cardId);
  }

  editorsOf(cardId: string): Person[] {
    return this.others.filter((p) => p.editing === cardId);
  }

  destroy(): void {
    clearTimeout(this.#cursorTimer);
    this.#awareness.off('change', this.#onChange);
  }
}

/** Only states carrying a `user` count as people (light connections publish none). */
const readPeople = (awareness: Awareness): Person[] => {
  const self = awareness.clientID;
  const people: Person[] = [];
  for (const [clientId, raw] of awareness.getStates()) {
    const state = raw as WireState;
    const user = state.user;
    if (!user || typeof user.name !== 'string') continue;
    people.push({
      clientId,
      self: clientId === self,
      name: user.name.slice(0, 80),
      city: typeof user.city === 'string' ? user.city : '',
      color: typeof user.color === 'string' && SAFE_COLOR.test(user.color) ? user.color : '#555',
      lang: typeof user.lang === 'string' ? user.lang : 'en',
      editing: typeof state.editing === 'string' ? state.editing : null,
      cursor: readPresenceCursor(state.cursor)
    });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
};

/** Another client's colour ends up in a style attribute: accept only a plain hex or hsl colour. */
const SAFE_COLOR = /^(#[0-9a-fA-F]{3,8}|hsl\(\s*\d{1,3}(deg)?[ ,]+\d{1,3}%[ ,]+\d{1,3}%\s*\))$/;

/** Counts people (with a `user`) on a board's awareness without keeping a Presence object. */
export const countPeople = (awareness: Awareness): number => readPeople(awareness).length;
