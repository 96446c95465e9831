/**
 * Each city's consent on agreed actions, as recorded in the workshop's control document, in the
 * shape exports print: the records travel with the action into every format.
 */
import { readConsentScope, readControl, type ConsentRecord as RecordedConsent, type ConsentScope } from '@plenary/shared/control';
import type { ConsentByAction, ConsentRecord } from '@plenary/shared/export';
import type { ServerDocs } from '../documents/server-docs.ts';

/** Consent per action of one board, cities in alphabetical order. */
export const consentOfBoard = (records: readonly RecordedConsent[], boardId: string): ConsentByAction => {
  const byAction: Record<string, ConsentRecord[]> = {};
  for (const r of records) {
    if (r.boardId !== boardId) continue;
    (byAction[r.actionId] ??= []).push({ city: r.city, answer: r.answer, ...(r.note ? { note: r.note } : {}) });
  }
  for (const list of Object.values(byAction)) list.sort((a, b) => a.city.localeCompare(b.city));
  return byAction;
};

/** Every consent record of a workshop (an empty list when its control document has none). */
export const workshopConsent = (control: ServerDocs, workshopId: string): Promise<RecordedConsent[]> =>
  control.readControl(workshopId, (doc) => Object.values(readControl(doc).consent));

/** Whose consent the workshop's actions need (exports print each action's verdict under it). */
export const workshopConsentScope = (control: ServerDocs, workshopId: string): Promise<ConsentScope> => control.readControl(workshopId, readConsentScope);
