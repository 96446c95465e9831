/**
 * Automatic versions keep their label as a kind and its parameters, not as English words: the
 * screen and every document write it in their reader's language. Versions stored with the English
 * words of before are read as the same kinds. Exports title a board by its theme's name in the
 * document's language.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderCheckedExport } from '@plenary/shared/export';
import { createBoardDoc } from '@plenary/shared/schema';
import { AUTO_LABEL_WORDS, autoLabelOf, versionLabelIn, type AutoLabel } from '@plenary/shared/versions';
import { exportBoardOf } from '@plenary/server/exports/load-boards.ts';
import { versionInfoOf } from '@plenary/server/versions/stored-version.ts';
import { WORKSHOP } from '../../export/fixtures.ts';

const LANGUAGES = ['en', 'th', 'zh', 'ja', 'ko', 'vi', 'id', 'ru', 'km', 'mn', 'hu', 'pt'];
const COUNTS = { ideas: 1, proposed: 0, agreed: 0, parked: 0 };
const entry = (meta: object) => ({
  id: 'v1',
  createdAt: '2026-03-14T03:00:00.000Z',
  auto: true,
  meta: JSON.stringify({ boardId: 'b1', author: 'system', counts: COUNTS, ...meta })
});

describe('automatic version labels', () => {
  it('a new automatic version is read back as its kind; API readers still get English words', () => {
    const timer = versionInfoOf(entry({ auto: 'timer', autoLabel: { kind: 'timer-ended' } }));
    expect(timer).toMatchObject({ auto: 'timer', autoLabel: { kind: 'timer-ended' }, label: 'Timer ended' });
    const before = versionInfoOf(entry({ auto: 'restore', autoLabel: { kind: 'before-restore', of: { label: 'ก่อนพัก' } }, restoredFrom: 'v0' }));
    expect(before.label).toBe('Before restoring “ก่อนพัก”');
  });

  it('versions stored with English words read as the same kinds (the restored version\u2019s own label kept as written)', () => {
    expect(versionInfoOf(entry({ auto: 'lock', label: 'Board locked' })).autoLabel).toEqual({ kind: 'board-locked' });
    expect(versionInfoOf(entry({ auto: 'hourly', label: 'Hourly version' })).autoLabel).toEqual({ kind: 'hourly' });
    expect(autoLabelOf({ auto: 'restore', label: 'Before restoring “Day 2 close”' })).toEqual({ kind: 'before-restore', of: { label: 'Day 2 close' } });
    expect(autoLabelOf({ auto: 'restore', label: 'Before restoring “Timer ended”' })).toEqual({ kind: 'before-restore', of: { kind: 'timer-ended', at: '' } });
    // A facilitator's label is theirs; unknown old words stay as they were stored.
    expect(autoLabelOf({ auto: null, label: 'Board locked' })).toBeNull();
    expect(versionInfoOf(entry({ auto: 'lock', label: 'Something else' }))).toMatchObject({ label: 'Something else' });
    expect(versionInfoOf(entry({ auto: 'lock', label: 'Something else' })).autoLabel).toBeUndefined();
  });

  it('documents have the words in all twelve languages, the same as the screens\u2019', () => {
    expect(Object.keys(AUTO_LABEL_WORDS).sort()).toEqual([...LANGUAGES].sort());
    const reasons = { 'board-locked': 'lock', 'timer-ended': 'timer', hourly: 'hourly' } as const;
    for (const lang of LANGUAGES) {
      const screen = JSON.parse(readFileSync(new URL(`../../../web/src/lib/i18n/messages/${lang}/versions.json`, import.meta.url), 'utf8')) as Record<
        string,
        string
      >;
      const words = AUTO_LABEL_WORDS[lang]!;
      for (const [kind, reason] of Object.entries(reasons))
        expect(`${lang} ${words[kind as keyof typeof reasons]}`).toBe(`${lang} ${screen[`auto.${reason}`]}`);
      expect(`${lang} ${words['before-restore']}`).toBe(`${lang} ${screen.beforeRestoring!.replace('{label}', '{of}')}`);
    }
  });

  it('names a version in the document\u2019s language: a restored automatic version by its reason and time', () => {
    const locked: AutoLabel = { kind: 'board-locked' };
    expect(versionLabelIn({ label: 'Board locked', autoLabel: locked }, 'vi')).toBe('Lưu khi bảng bị khóa');
    expect(versionLabelIn({ label: 'Board locked', autoLabel: locked }, 'zh-Hans')).toBe('看板锁定时保存');
    expect(versionLabelIn({ label: 'Chốt ngày 2' }, 'th')).toBe('Chốt ngày 2');
    const restored = versionLabelIn({ label: '', autoLabel: { kind: 'before-restore', of: { kind: 'timer-ended', at: '2026-03-14T03:00:00.000Z' } } }, 'ru');
    expect(restored).toMatch(/^Перед восстановлением «Сохранена по окончании таймера · 14 мар\. 2026 г\., 03:00 UTC»$/);
  });

  it('an export in Vietnamese titles the board by the theme\u2019s Vietnamese name and names the version in Vietnamese', async () => {
    const doc = createBoardDoc({ workshopId: 'ws1', boardId: 'b1', theme: 'environment', title: 'Environment and quality of life' });
    const updates = [Y.encodeStateAsUpdate(doc)];
    const ref = { id: 'b1', theme: 'Environment and quality of life' };
    const board = exportBoardOf({ ref, updates }, 'ws1', 'vi');
    expect(board.snapshot.board.title).toBe('Môi trường và chất lượng cuộc sống');
    // The workshop's own name wins; a title someone wrote into the board stays theirs.
    expect(exportBoardOf({ ref: { ...ref, names: { vi: 'Môi trường xanh' } }, updates }, 'ws1', 'vi').snapshot.board.title).toBe('Môi trường xanh');
    const own = createBoardDoc({ workshopId: 'ws1', boardId: 'b2', theme: 'environment', title: 'Clean rivers' });
    expect(exportBoardOf({ ref, updates: [Y.encodeStateAsUpdate(own)] }, 'ws1', 'vi').snapshot.board.title).toBe('Clean rivers');

    const md = await renderCheckedExport(
      'md',
      {
        workshop: WORKSHOP,
        boards: [board],
        takenAt: '2026-03-14T03:00:00.000Z',
        versionLabel: versionLabelIn({ label: 'Board locked', autoLabel: { kind: 'board-locked' } }, 'vi')
      },
      { lang: 'vi', mode: 'working' }
    );
    expect(md.result.kind).toBe('file');
    const text = md.result.kind === 'file' ? String(md.result.body) : '';
    expect(text).toContain('Môi trường và chất lượng cuộc sống');
    expect(text).toContain('Lưu khi bảng bị khóa');
    expect(text).not.toContain('Environment and quality of life');
    expect(text).not.toContain('Board locked');
  });
});
