/**
 * Translations of a card's text fields (docs/SCHEMA.md §1.4). A card's text is written in its
 * author's language (`lang`); delegates add translations, typically into English, the working
 * language. `card.translations` is a `Y.Map<lang, Y.Map<field, Y.Text>>`, so two people typing one
 * translation merge character by character like any other text, and translations into different
 * languages never touch each other.
 */
import * as Y from 'yjs';
import { TEXT_FIELDS, type CardKind, type TextField } from './constants.ts';
import type { CardMap } from './card-map.ts';

/** Translations of one card in snapshots: language → field → text (only non-empty texts). */
export type CardTranslations = Record<string, Partial<Record<TextField, string>>>;

/** Text fields of a card kind that can carry translations (the same as the typed fields). */
export const translatableFields = (kind: CardKind): readonly TextField[] => TEXT_FIELDS[kind];

const translationsOf = (card: CardMap): Y.Map<unknown> | undefined => {
  const map = card.get('translations');
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : undefined;
};

/** The `Y.Text` of one field's translation into `lang`, if someone has started it. */
export const translationText = (card: CardMap, lang: string, field: TextField): Y.Text | undefined => {
  const perLang = translationsOf(card)?.get(lang);
  const text = perLang instanceof Y.Map ? perLang.get(field) : undefined;
  return text instanceof Y.Text ? text : undefined;
};

/** Languages the card has at least one non-empty translation in. */
export const translationLangs = (card: CardMap): string[] => Object.keys(readTranslations(card) ?? {}).sort();

/**
 * Makes room for a translation of the card into `lang`: the language's map with a `Y.Text` for
 * every translatable field, in one transaction. Called when a person opens "Add translation",
 * before anyone types, so that the texts exist once and are then merged, not replaced.
 * Returns the field texts. The card must already be in a document.
 */
export const startTranslation = (card: CardMap, kind: CardKind, lang: string, origin?: unknown): Record<string, Y.Text> => {
  const doc = card.doc;
  if (!doc) throw new Error('startTranslation: the card is not in a document');
  const out: Record<string, Y.Text> = {};
  doc.transact(() => {
    let translations = translationsOf(card);
    if (!translations) {
      translations = new Y.Map<unknown>();
      card.set('translations', translations);
    }
    let perLang = translations.get(lang);
    if (!(perLang instanceof Y.Map)) {
      perLang = new Y.Map<unknown>();
      translations.set(lang, perLang);
    }
    const fields = perLang as Y.Map<unknown>;
    for (const field of translatableFields(kind)) {
      let text = fields.get(field);
      if (!(text instanceof Y.Text)) {
        text = new Y.Text();
        fields.set(field, text);
      }
      out[field] = text as Y.Text;
    }
  }, origin);
  return out;
};

/** The card's translations as plain JSON, or undefined when it has none with any text. */
export const readTranslations = (card: CardMap): CardTranslations | undefined => {
  const translations = translationsOf(card);
  if (!translations) return undefined;
  const out: CardTranslations = {};
  for (const [lang, perLang] of translations.entries()) {
    if (!(perLang instanceof Y.Map)) continue;
    const fields: Partial<Record<TextField, string>> = {};
    for (const [field, text] of perLang.entries()) {
      const value = text instanceof Y.Text ? text.toString() : '';
      if (value !== '') fields[field as TextField] = value;
    }
    if (Object.keys(fields).length > 0) out[lang] = fields;
  }
  return Object.keys(out).length > 0 ? out : undefined;
};

/** Writes snapshot translations into a card's (empty) translations map, as `Y.Text`. */
export const fillTranslations = (card: CardMap, translations: CardTranslations | undefined): void => {
  if (!translations) return;
  const map = translationsOf(card);
  if (!map) return;
  for (const [lang, fields] of Object.entries(translations)) {
    const perLang = new Y.Map<unknown>();
    for (const [field, value] of Object.entries(fields)) if (value) perLang.set(field, new Y.Text(value));
    map.set(lang, perLang);
  }
};
