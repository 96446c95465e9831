/**
 * The half-typed idea in a lane's quick-add line, kept per board and lane in memory and in
 * localStorage. When the facilitator locks the board mid-sentence the line goes away, but the
 * words do not: they wait here (through a reload too) until the board opens again and the
 * delegate adds them.
 */
import { readJson, removeKey, writeJson } from '$lib/session/storage.ts';

const storageKey = (boardId: string, lane: string): string => `plenary.draft.${boardId}.${lane}`;

interface Stored {
  text: string;
  /** The board was locked while this draft waited. */
  keptThroughLock: boolean;
}

export class QuickDraft {
  readonly #key: string;
  #text = $state('');
  /** The board was locked while this draft was being written: offer "Add your draft" once open. */
  #keptThroughLock = $state(false);

  constructor(key: string) {
    this.#key = key;
    const stored = readJson<Stored>(key);
    if (stored && typeof stored.text === 'string') {
      this.#text = stored.text;
      this.#keptThroughLock = stored.keptThroughLock === true;
    }
  }

  get text(): string {
    return this.#text;
  }
  set text(value: string) {
    this.#text = value;
    if (!value.trim()) this.#keptThroughLock = false;
    this.#save();
  }

  get keptThroughLock(): boolean {
    return this.#keptThroughLock && this.#text.trim() !== '';
  }

  /** The board was locked: remember that this draft waited through it. */
  markLocked(): void {
    if (!this.#text.trim() || this.#keptThroughLock) return;
    this.#keptThroughLock = true;
    this.#save();
  }

  /** The draft became a card. */
  clear(): void {
    this.#text = '';
    this.#keptThroughLock = false;
    this.#save();
  }

  #save(): void {
    if (this.#text === '') removeKey(this.#key);
    else writeJson(this.#key, { text: this.#text, keptThroughLock: this.#keptThroughLock } satisfies Stored);
  }
}

/** One draft per board and lane for the whole visit, so the quick-add line can come and go. */
const drafts = new Map<string, QuickDraft>();

export const quickDraft = (boardId: string, lane: string): QuickDraft => {
  const key = storageKey(boardId, lane);
  let draft = drafts.get(key);
  if (!draft) {
    draft = new QuickDraft(key);
    drafts.set(key, draft);
  }
  return draft;
};
