/**
 * Workshops, their boards and join codes, kept in the store's meta space:
 *   workshop:<id> → JSON Workshop · board:<boardId> → workshop id · joincode:<CODE> → workshop id
 * Records are cached in memory; they change only through this module (and rarely).
 */
import * as Y from 'yjs';
import { createBoardDoc } from '@plenary/shared/schema';
import { workshopSeed } from '@plenary/shared/seed';
import type { Store } from '../persistence/store.ts';
import { newId, newJoinCode, normaliseJoinCode } from './ids.ts';
import type { BoardRef, City, Workshop } from './workshop.ts';

export interface NewWorkshop {
  title: string;
  themes: string[];
  hostCity?: City;
  cities?: City[];
  startDate?: string;
  endDate?: string;
}

/** The theme's key from the seminar's standing themes, or a slug of its name. */
const themeKey = (theme: string): string =>
  workshopSeed.themes.find((t) => t.en === theme || t.th === theme)?.key ??
  (theme.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'theme');

/** A new board's document: schema version, ids, theme and title (docs/SCHEMA.md). */
const initialBoard = (workshopId: string, board: BoardRef): Uint8Array => {
  const doc = createBoardDoc({ workshopId, boardId: board.id, theme: themeKey(board.theme), title: board.theme });
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
};

export const createWorkshopRepository = (store: Store) => {
  const cache = new Map<string, Workshop>();
  const boardOwners = new Map<string, string>();

  const get = async (id: string): Promise<Workshop | null> => {
    const cached = cache.get(id);
    if (cached) return cached;
    const raw = await store.getMeta(`workshop:${id}`);
    if (!raw) return null;
    const workshop = JSON.parse(raw) as Workshop;
    cache.set(id, workshop);
    return workshop;
  };

  return {
    get,
    async create(input: NewWorkshop): Promise<Workshop> {
      const id = newId();
      const boards: BoardRef[] = input.themes.map((theme) => ({ id: newId(), theme }));
      // Join codes are short, so claim one atomically and try again on the rare collision.
      let joinCode = newJoinCode();
      for (let i = 0; (await store.setMetaIfAbsent(`joincode:${joinCode}`, id)) !== id; i++) {
        if (i > 20) throw new Error('could not allocate a join code');
        joinCode = newJoinCode();
      }
      const workshop: Workshop = {
        id,
        title: input.title,
        ...(input.hostCity ? { hostCity: input.hostCity } : {}),
        cities: input.cities ?? [],
        ...(input.startDate ? { startDate: input.startDate } : {}),
        ...(input.endDate ? { endDate: input.endDate } : {}),
        boards,
        joinCode,
        createdAt: new Date().toISOString(),
        generations: { facilitator: 0, delegate: 0, observer: 0 }
      };
      for (const b of boards) {
        await store.appendUpdates(b.id, [initialBoard(id, b)]);
        await store.setMeta(`board:${b.id}`, id);
      }
      await store.setMeta(`workshop:${id}`, JSON.stringify(workshop));
      cache.set(id, workshop);
      return workshop;
    },
    /** The workshop a board belongs to, or null for an unknown board. */
    async workshopOfBoard(boardId: string): Promise<Workshop | null> {
      let owner = boardOwners.get(boardId);
      if (!owner) {
        owner = (await store.getMeta(`board:${boardId}`)) ?? undefined;
        if (!owner) return null;
        boardOwners.set(boardId, owner);
      }
      return get(owner);
    },
    async byJoinCode(typed: string): Promise<Workshop | null> {
      const id = await store.getMeta(`joincode:${normaliseJoinCode(typed)}`);
      return id ? get(id) : null;
    }
  };
};
export type WorkshopRepository = ReturnType<typeof createWorkshopRepository>;
