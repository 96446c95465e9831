/**
 * Realistic cards for the board's screenshots, the benchmarks and the browser tests that need a busy
 * board: what delegates of the seminar's cities might write, in their own languages, as ideas, best
 * practices and actions.
 */
import type * as Y from 'yjs';
import { addCard, getCardsMap, type CardInput } from '@plenary/shared/schema';
import { workshopSeed } from '@plenary/shared/seed';
import { connectClient } from './clients.ts';
import type { PlenaryServer } from './server.ts';
import { waitFor } from './wait.ts';

const IDEAS: CardInput[] = [
  { kind: 'idea', text: 'ลดขยะพลาสติกในตลาดสดด้วยถุงผ้าและจุดเติมน้ำดื่ม', createdBy: 'Somchai', authorCity: 'Bangkok', lang: 'th' },
  { kind: 'idea', text: '共享城市公园管理经验，互派园林技术人员交流', createdBy: 'Li Wei', authorCity: 'Chengdu', lang: 'zh' },
  {
    kind: 'idea',
    text: 'Car-free Sundays along the river front, with street food from each sister city',
    createdBy: 'Ana Silva',
    authorCity: 'Porto',
    lang: 'en'
  },
  {
    kind: 'practice',
    text: 'ระบบแจ้งเตือนน้ำท่วมผ่านแอปพลิเคชันของเมือง ใช้งานจริงตั้งแต่ปี 2560',
    createdBy: 'Nok',
    authorCity: 'Bangkok',
    sourceCity: 'Bangkok',
    lang: 'th'
  },
  {
    kind: 'practice',
    text: 'Separate collection of food waste in every district since 2013 — 60 % less landfill',
    createdBy: 'Kim Min-jun',
    authorCity: 'Seoul',
    sourceCity: 'Seoul',
    lang: 'en'
  },
  { kind: 'idea', text: 'Phố đi bộ cuối tuần kết hợp chợ đêm văn hoá', createdBy: 'Nguyễn Văn An', authorCity: 'Ho Chi Minh City', lang: 'vi' },
  { kind: 'idea', text: '市民参与的垃圾分类积分制度 🌱', createdBy: 'Wang Fang', authorCity: 'Shanghai', lang: 'zh' },
  {
    kind: 'practice',
    text: '福岡市の水道漏水率は約2%。技術研修を受け入れ可能です。',
    createdBy: 'Tanaka',
    authorCity: 'Fukuoka Prefecture',
    sourceCity: 'Fukuoka Prefecture',
    lang: 'ja'
  }
];

const ACTIONS: CardInput[] = [
  {
    kind: 'action',
    title: 'Joint river clean-up week',
    objective: 'Remove 20 tonnes of waste from the Chao Phraya and partner rivers; 2,000 volunteers in 4 cities',
    createdBy: 'Somchai',
    authorCity: 'Bangkok',
    lang: 'en',
    leadCity: 'Bangkok',
    partnerCities: ['Chengdu', 'Ho Chi Minh City', 'Porto'],
    startDate: '2026-06-01',
    endDate: '2026-06-07',
    status: 'agreed',
    lane: 'agreed',
    milestones: [{ date: '2026-06-03', text: 'Mid-week results shared online' }],
    indicators: [{ indicator: 'Waste collected', target: '20 t' }],
    resources: 'Boats from BMA; 1.2 M THB from the environment office',
    responsibleOfficer: 'International Affairs Division, BMA'
  },
  {
    kind: 'action',
    title: '青少年环保交流营',
    objective: '每年互派30名中学生，开展为期10天的环保主题交流',
    createdBy: 'Li Wei',
    authorCity: 'Chengdu',
    lang: 'zh',
    leadCity: 'Chengdu',
    partnerCities: ['Bangkok', 'Seoul'],
    startDate: '2026-07-10',
    endDate: '2026-07-20',
    status: 'proposed',
    lane: 'proposed',
    resources: '成都市外办承担住宿费用',
    responsibleOfficer: '成都市人民政府外事办公室'
  },
  {
    kind: 'action',
    title: 'แลกเปลี่ยนเจ้าหน้าที่ด้านการจัดการน้ำ',
    objective: 'อบรมเจ้าหน้าที่ 12 คนเรื่องการลดน้ำสูญเสียในระบบประปา',
    createdBy: 'Nok',
    authorCity: 'Bangkok',
    lang: 'th',
    leadCity: 'Fukuoka Prefecture',
    partnerCities: ['Bangkok'],
    startDate: '2026-10-01',
    endDate: '2026-09-01',
    status: 'draft',
    lane: 'proposed'
  }
];

/** Adds the realistic cards (ideas, practices and actions in several languages) to `doc`. */
export const addRealisticCards = (doc: Y.Doc): void => {
  for (const card of [...IDEAS, ...ACTIONS]) addCard(doc, card);
};

/** Adds `count` cards cycling through the realistic ones, spread over the lanes (a busy board). */
export const addManyCards = (doc: Y.Doc, count: number): void => {
  const all = [...IDEAS, ...ACTIONS];
  const lanes = ['ideas', 'ideas', 'proposed', 'agreed', 'parked'] as const;
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const card = all[i % all.length]!;
      const lane = card.kind === 'action' ? (i % 2 ? 'proposed' : 'agreed') : lanes[i % lanes.length]!;
      addCard(doc, { ...card, lane, ...(card.kind === 'action' ? { title: `${card.title} #${i + 1}` } : { text: `${card.text} #${i + 1}` }) });
    }
  });
};

/**
 * A workshop whose first board holds `count` realistic cards, stored on `server` (a fresh client
 * receives them all before this returns), for the benchmarks that open it in Chromium.
 */
export const seedBenchBoard = async (server: PlenaryServer, title: string, count: number) => {
  const workshop = await server.createWorkshop({ title, cities: workshopSeed.cities });
  const board = workshop.boards[0]!;
  const seeder = connectClient(server.syncBase, board.id, workshop.tokens.delegate);
  await seeder.synced();
  addManyCards(seeder.doc, count);
  const check = connectClient(server.syncBase, board.id, workshop.tokens.delegate);
  await check.synced();
  await waitFor(() => getCardsMap(check.doc).size >= count, 30_000, 'the seeded cards on the server');
  check.destroy();
  seeder.destroy();
  return { workshop, board };
};
