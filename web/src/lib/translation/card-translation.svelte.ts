/**
 * One card's translation into one language, as reactive state: which fields have text, live.
 * Follows the card's `translations` map deeply, so a translation someone else starts or types
 * appears at once. See docs/SCHEMA.md §1.4.
 */
import * as Y from 'yjs';
import { startTranslation, translatableFields, translationText, type CardKind, type CardMap, type TextField } from '@plenary/shared/schema';

const baseOf = (tag: string): string => tag.toLowerCase().split('-')[0]!;

export class CardTranslation {
  /** Field → translated text (only fields with text). */
  texts = $state.raw<Partial<Record<TextField, string>>>({});
  readonly #card: CardMap;
  readonly #kind: CardKind;
  readonly #lang: string;
  #observed: Y.Map<unknown> | undefined;

  constructor(card: CardMap, kind: CardKind, lang: string) {
    this.#card = card;
    this.#kind = kind;
    this.#lang = lang;
    this.#refresh();
    this.#card.observe(this.#onCard);
    this.#follow();
  }

  /** Whether the card is written in this language already (then there is nothing to translate). */
  get isOriginal(): boolean {
    const lang = this.#card.get('lang');
    return typeof lang === 'string' && baseOf(lang) === baseOf(this.#lang);
  }

  get hasText(): boolean {
    return Object.keys(this.texts).length > 0;
  }

  get fields(): readonly TextField[] {
    return translatableFields(this.#kind);
  }

  /** The `Y.Text` of a field's translation, if it has been started. */
  text(field: TextField): Y.Text | undefined {
    return translationText(this.#card, this.#lang, field);
  }

  /** Makes the translation's texts (once, for every field) so people can type into them. */
  start(origin: unknown): void {
    startTranslation(this.#card, this.#kind, this.#lang, origin);
  }

  destroy(): void {
    this.#card.unobserve(this.#onCard);
    this.#observed?.unobserveDeep(this.#onChange);
  }

  readonly #onChange = () => this.#refresh();

  // The translations map itself may be replaced (a snapshot restored): follow the new one.
  readonly #onCard = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has('translations')) return;
    this.#follow();
    this.#refresh();
  };

  #follow(): void {
    this.#observed?.unobserveDeep(this.#onChange);
    const map = this.#card.get('translations');
    this.#observed = map instanceof Y.Map ? (map as Y.Map<unknown>) : undefined;
    this.#observed?.observeDeep(this.#onChange);
  }

  #refresh(): void {
    const next: Partial<Record<TextField, string>> = {};
    for (const field of translatableFields(this.#kind)) {
      const value = translationText(this.#card, this.#lang, field)?.toString() ?? '';
      if (value !== '') next[field] = value;
    }
    if (JSON.stringify(next) !== JSON.stringify(this.texts)) this.texts = next;
  }
}
