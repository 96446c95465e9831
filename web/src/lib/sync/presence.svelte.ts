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
 *   presence.setLocal({ name, city, color, lang, editing })   publish/refresh our own state
 *   presence.setEditing(cardId | null)                        change only the card being edited
 *   presence.destroy()
 *
 * Awareness state on the wire (a public format: other tools may show presence too):
 *   { user: { name, city, color, lang }, editing: string | null }
 */
import type { Awareness } from 'y-protocols/awareness';

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
}

interface WireState {
  user?: Partial<PresenceUser>;
  editing?: unknown;
}

export class Presence {
  people = $state<Person[]>([]);
  readonly others: Person[] = $derived(this.people.filter((p) => !p.self));

  readonly #awareness: Awareness;
  readonly #onChange: () => void;

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
    this.#awareness.setLocalState({ user: { name, city, color, lang }, editing });
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
      editing: typeof state.editing === 'string' ? state.editing : null
    });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
};

/** Another client's colour ends up in a style attribute: accept only a plain hex or hsl colour. */
const SAFE_COLOR = /^(#[0-9a-fA-F]{3,8}|hsl\(\s*\d{1,3}(deg)?[ ,]+\d{1,3}%[ ,]+\d{1,3}%\s*\))$/;

/** Counts people (with a `user`) on a board's awareness without keeping a Presence object. */
export const countPeople = (awareness: Awareness): number => readPeople(awareness).length;
