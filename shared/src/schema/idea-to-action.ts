/**
 * Ideas become actions: an idea (or best practice) is never agreed itself — the cities agree to an
 * action, with a lead city and partners. `turnIdeaIntoAction` makes an action that keeps the
 * idea's text as its title (and each translation of it) and links back to the idea (`fromIdea`);
 * the idea stays where it is and shows which action it became (`actionFromIdea`).
 */
import type * as Y from 'yjs';
import { CardKind, Lane } from './constants.ts';
import { addCard } from './cards.ts';
import { getCardMap, getCardsMap, transact } from './doc-layout.ts';
import { BoardSchemaError, SchemaErrorCode } from './errors.ts';
import type { Placement } from './card-input.ts';
import { readCard } from './read.ts';
import { fillTranslations } from './translations.ts';

/** The id of the action made from `ideaId`, or null when there is none. */
export const actionFromIdea = (doc: Y.Doc, ideaId: string): string | null => {
  for (const [id, card] of getCardsMap(doc)) {
    if (card.get('kind') === CardKind.action && card.get('fromIdea') === ideaId) return id;
  }
  return null;
};

export interface IdeaToAction extends Placement {
  /** Lane of the new action; `proposed` by default. */
  lane?: Lane;
  /** Who turned it (display name) and their city. */
  createdBy: string;
  authorCity?: string;
}

/**
 * Makes an action from an idea or best practice and returns its id; when one was already made
 * from it, returns that one instead of a second. Throws `wrong-field` for an action or no card.
 */
export const turnIdeaIntoAction = (doc: Y.Doc, ideaId: string, options: IdeaToAction, origin?: unknown): string => {
  const idea = readCard(doc, ideaId);
  if (!idea || idea.kind === CardKind.action) {
    throw new BoardSchemaError(SchemaErrorCode.wrongField, `card ${ideaId} is not an idea or a best practice`);
  }
  const existing = actionFromIdea(doc, ideaId);
  if (existing) return existing;
  const { lane = Lane.proposed, createdBy, authorCity = idea.authorCity, ...placement } = options;
  return transact(doc, origin, () => {
    const id = addCard(doc, { kind: CardKind.action, lane, lang: idea.lang, title: idea.text, createdBy, authorCity, fromIdea: ideaId, ...placement }, origin);
    // The idea's text in other languages becomes the action's title in them.
    const translations = Object.fromEntries(
      Object.entries(idea.translations ?? {}).flatMap(([lang, fields]) => (fields.text ? [[lang, { title: fields.text }]] : []))
    );
    if (Object.keys(translations).length > 0) fillTranslations(getCardMap(doc, id)!, translations);
    return id;
  });
};
