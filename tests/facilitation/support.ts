/**
 * Helpers for facilitation tests: JSON calls to the API with a token, personal tokens, a workshop
 * with cities, a facilitator's provider that places cards, and providers on the control document.
 */
import type * as Y from 'yjs';
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

/**
 * Registers a participant through the lobby and has the facilitator confirm their city (a city's
 * voice is granted, never claimed); returns the personal token. `confirm: false` leaves them pending.
 */
export const register = async (
  server: PlenaryServer,
  workshop: CreatedWorkshop,
  name: string,
  city: string,
  token = workshop.tokens.delegate,
  { confirm = true } = {}
) => {
  const answer = await call<{ participantId: string; token: string }>(server, 'POST', `/api/workshops/${workshop.id}/participants`, token, { name, city });
  if (answer.status !== 201) throw new Error(`registering ${name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  if (confirm) {
    const confirmed = await call(
      server,
      'POST',
      `/api/workshops/${workshop.id}/participants/${answer.body.participantId}/confirm`,
      workshop.tokens.facilitator
    );
    if (confirmed.status !== 200) throw new Error(`confirming ${name} answered ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
  }
  return answer.body;
};

/** A seat the facilitator grants a city; returns the seat's participant id and link token. */
export const createSeat = async (server: PlenaryServer, workshop: CreatedWorkshop, city: string, name?: string) => {
  const answer = await call<{ participant: { id: string }; token: string }>(
    server,
    'POST',
    `/api/workshops/${workshop.id}/seats`,
    workshop.tokens.facilitator,
    {
      city,
      ...(name ? { name } : {})
    }
  );
  if (answer.status !== 201) throw new Error(`creating a seat for ${city} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { participantId: answer.body.participant.id, token: answer.body.token };
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
