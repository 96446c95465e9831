/**
 * Helpers for facilitation tests: JSON calls to the API with a token, personal tokens, a workshop
 * with cities, a facilitator's provider that places cards, and providers on the control document.
 */
import * as Y from 'yjs';
import { controlDocName, readControl, type ControlSnapshot } from '@plenary/shared/control';
import { addCard, getCardsMap, type Lane } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import type { CreatedWorkshop, PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

import { call } from '../utils/http.ts';

export { call };
export type { Answer } from '../utils/http.ts';

export const CITIES = [
  { en: 'Porto', country: 'Portugal' },
  { en: 'Surabaya', country: 'Indonesia' },
  { en: 'Kobe', country: 'Japan' }
] as const;

export const createCityWorkshop = (server: PlenaryServer, themes = ['Tourism', 'Ports']): Promise<CreatedWorkshop> =>
  server.createWorkshop({ title: 'Sister cities', themes, hostCity: { en: 'Bordeaux' }, cities: CITIES });

/** Registers a participant and returns the personal token. */
export const register = async (server: PlenaryServer, workshop: CreatedWorkshop, name: string, city: string, token = workshop.tokens.delegate) => {
  const answer = await call<{ participantId: string; token: string }>(server, 'POST', `/api/workshops/${workshop.id}/participants`, token, { name, city });
  if (answer.status !== 201) throw new Error(`registering ${name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
};

/** A synced provider on the workshop's control document. */
export const connectControl = async (server: PlenaryServer, workshop: CreatedWorkshop, token: string): Promise<TestClient> => {
  const client = connectClient(server.syncBase, controlDocName(workshop.id), token);
  await client.synced();
  return client;
};

export const snapshotOf = (client: TestClient): ControlSnapshot => readControl(client.doc);

/** Adds idea cards to a lane through a (facilitator's) synced provider; waits until `observer` has them. */
export const placeCards = async (author: TestClient, lane: Lane, texts: string[], observer?: TestClient): Promise<string[]> => {
  const ids = texts.map((text) => addCard(author.doc, { kind: 'idea', text, lane, createdBy: 'Ana', authorCity: 'Porto', lang: 'en' }));
  if (observer) await waitFor(() => ids.every((id) => getCardsMap(observer.doc).has(id)), 10_000, 'the cards to reach the other client');
  return ids;
};

/** Every string anywhere in a document's JSON form (to prove something is absent). */
export const docText = (doc: Y.Doc): string => JSON.stringify(Object.fromEntries([...doc.share.keys()].map((k) => [k, doc.getMap(k).toJSON()])));
