/**
 * Workshops, their boards and join codes, kept in the store's meta space:
 *   workshop:<id> → JSON Workshop · board:<boardId> → workshop id · joincode:<CODE> → workshop id
 * Records are cached in memory for half a second: another instance may re-issue links, and its
 * change must reach this one's HTTP checks within a second (the sync upgrade reads the record
 * fresh, and open connections are told at once through the control document; see
 * facilitation/policy.ts).
 */
const CACHE_MS = 500;
import * as Y from 'yjs';
import { createBoardDoc } from '@plenary/shared/schema';
import { workshopSeed } from '@plenary/shared/seed';
import { workshopOfControlDoc, type Role } from '@plenary/shared/protocol';
import { mergeThemeNames, standingThemeNames, type ThemeNames } from '@plenary/shared/themes';
import { createKeyedMutex } from '../lib/keyed-mutex.ts';
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
  (theme
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) ||
    'theme');

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
  const cache = new Map<string, { workshop: Workshop; at: number }>();
  const boardOwners = new Map<string, string>();
  // Changes to one record in this process run one after another, so two edits do not undo each other.
  const records = createKeyedMutex();

  /** `fresh` skips the cache: the sync upgrade checks link generations against the store itself. */
  const get = async (id: string, { fresh = false } = {}): Promise<Workshop | null> => {
    const cached = cache.get(id);
    if (!fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.workshop;
    const raw = await store.getMeta(`workshop:${id}`);
    if (!raw) return null;
    const workshop = JSON.parse(raw) as Workshop;
    cache.set(id, { workshop, at: Date.now() });
    return workshop;
  };
  /** Join codes are short, so claim one atomically and try again on the rare collision. */
  const claimJoinCode = async (workshopId: string): Promise<string> => {
    for (let i = 0; i <= 20; i++) {
      const code = newJoinCode();
      if ((await store.setMetaIfAbsent(`joincode:${code}`, workshopId)) === workshopId) return code;
    }
    throw new Error('could not allocate a join code');
  };
  const save = async (workshop: Workshop) => {
    await store.setMeta(`workshop:${workshop.id}`, JSON.stringify(workshop));
    cache.set(workshop.id, { workshop, at: Date.now() });
  };

  return {
    get,
    async create(input: NewWorkshop): Promise<Workshop> {
      const id = newId();
      // A standing theme comes with its name in every language; a theme of the workshop's own gets
      // names when a facilitator gives them.
      const boards: BoardRef[] = input.themes.map((theme) => {
        const names = standingThemeNames(theme);
        return { id: newId(), theme, ...(Object.keys(names).length > 0 ? { names } : {}) };
      });
      const joinCode = await claimJoinCode(id);
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
      await save(workshop);
      return workshop;
    },
    /** Re-issues a role's links: older tokens of that role stop working. Returns the new record. */
    async bumpGeneration(id: string, role: Role): Promise<Workshop> {
      cache.delete(id);
      const workshop = await get(id);
      if (!workshop) throw new Error(`no workshop ${id}`);
      const next: Workshop = { ...workshop, generations: { ...workshop.generations, [role]: workshop.generations[role] + 1 } };
      // The join code hands out delegate links, so re-issuing them retires the old code too.
      if (role === 'delegate') {
        next.joinCode = await claimJoinCode(id);
        await store.setMeta(`joincode:${workshop.joinCode}`, '');
      }
      await save(next);
      return next;
    },
    /** Changes a board's theme names (given ones replace, empty ones go). Returns the new record, or null when there is no such board. */
    setThemeNames(id: string, boardId: string, changes: ThemeNames): Promise<Workshop | null> {
      return records.run(id, async () => {
        const workshop = await get(id, { fresh: true });
        if (!workshop?.boards.some((b) => b.id === boardId)) return null;
        const boards = workshop.boards.map((b) => (b.id === boardId ? { ...b, names: mergeThemeNames(b.names, changes) } : b));
        const next: Workshop = { ...workshop, boards };
        await save(next);
        return next;
      });
    },
    /** Forgets the cached record (another instance changed it). */
    invalidate(id: string): void {
      cache.delete(id);
    },
    /** The workshop a board (or a workshop's control document) belongs to; null when unknown. */
    async workshopOfBoard(boardId: string, options: { fresh?: boolean } = {}): Promise<Workshop | null> {
      const controlOf = workshopOfControlDoc(boardId);
      if (controlOf !== null) return get(controlOf, options);
      let owner = boardOwners.get(boardId);
      if (!owner) {
        owner = (await store.getMeta(`board:${boardId}`)) ?? undefined;
        if (!owner) return null;
        boardOwners.set(boardId, owner);
      }
      return get(owner, options);
    },
    async byJoinCode(typed: string): Promise<Workshop | null> {
      const id = await store.getMeta(`joincode:${normaliseJoinCode(typed)}`);
      return id ? get(id) : null;
    }
  };
};
export type WorkshopRepository = ReturnType<typeof createWorkshopRepository>;
