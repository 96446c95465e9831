/**
 * Screenshots of one board in Thai, Chinese and Khmer for docs/screenshots (board-th/zh/km.png):
 * cards written in several languages, some translated, seen by a delegate whose interface is in
 * each language.
 *
 *   pnpm build && node --import tsx tests/e2e/i18n-screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { addCard, getCardsMap, moveCard, startTranslation } from '@plenary/shared/schema';
import { connectClient } from '../utils/clients.ts';
import { REPO_ROOT } from '../utils/server.ts';
import { boardLink, createDemoWorkshop, startAppServer } from './utils/app.ts';
import { launchBrowser, newPerson } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { waitForStatus } from './board-support.ts';
import { fontsLoaded } from './utils/fonts.ts';

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');
const VIEWERS = [
  { locale: 'th', browser: 'th-TH', person: { name: 'สมชาย ใจดี', city: 'Bangkok', lang: 'th' } },
  { locale: 'zh', browser: 'zh-CN', person: { name: '李伟', city: 'Chengdu', lang: 'zh' } },
  { locale: 'km', browser: 'km-KH', person: { name: 'សុខ ចាន់ធា', city: 'Phnom Penh', lang: 'km' } }
] as const;

const server = await startAppServer();
const browser = await launchBrowser();
try {
  mkdirSync(OUT, { recursive: true });
  const workshop = await createDemoWorkshop(server);
  const boardId = workshop.boards[0]!.id;
  const client = connectClient(server.syncBase, boardId, workshop.tokens.delegate, { user: { name: 'Li Wei', city: 'Chengdu', color: '#8250df', lang: 'zh' } });
  await client.synced();
  const doc = client.doc;
  const ideas: Array<[string, string, string, Record<string, string>]> = [
    [
      'Bangkok',
      'th',
      'แลกเปลี่ยนข้อมูลคุณภาพอากาศแบบเรียลไทม์ระหว่างเมืองพี่เมืองน้อง',
      { en: 'Share real-time air-quality data between sister cities', zh: '姐妹城市之间实时共享空气质量数据', km: 'ចែករំលែកទិន្នន័យគុណភាពខ្យល់ភ្លាមៗរវាងក្រុងភគិនីសម្ព័ន្ធ' }
    ],
    ['Chengdu', 'zh', '共享城市公园管理经验', { en: 'Share experience of managing city parks', th: 'แลกเปลี่ยนประสบการณ์การบริหารสวนสาธารณะ' }],
    ['Phnom Penh', 'km', 'កម្មវិធីសម្អាតទន្លេរួមគ្នាប្រចាំឆ្នាំ', { en: 'A joint yearly river clean-up', th: 'โครงการทำความสะอาดแม่น้ำร่วมกันประจำปี' }],
    ['Seoul', 'ko', '하천 복원 사례 공유', {}],
    ['Porto', 'pt', 'Dia conjunto de limpeza do rio', {}]
  ];
  for (const [city, lang, text, translations] of ideas) {
    const id = addCard(doc, { kind: 'idea', text, createdBy: 'demo', authorCity: city, lang });
    for (const [into, value] of Object.entries(translations)) startTranslation(getCardsMap(doc).get(id)!, 'idea', into).text!.insert(0, value);
  }
  const action = addCard(doc, {
    kind: 'action',
    title: 'Green schools exchange',
    createdBy: 'demo',
    lang: 'en',
    leadCity: 'Budapest',
    startDate: '2018-06-01',
    endDate: '2019-05-31'
  });
  moveCard(doc, action, { lane: 'agreed' });
  addCard(doc, {
    kind: 'action',
    title: '空气质量传感器网络',
    createdBy: 'demo',
    lang: 'zh',
    leadCity: 'Shanghai',
    startDate: '2018-09-01',
    endDate: '2019-03-31'
  });

  for (const viewer of VIEWERS) {
    const { context, page } = await newPerson(browser, server.httpBase, { locale: viewer.browser, viewport: { width: 1440, height: 900 } });
    await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
    await enterIdentity(page, viewer.person);
    await page.getByTestId('board').waitFor();
    await waitForStatus(page, 'connected');
    await fontsLoaded(page);
    await page.screenshot({ path: path.join(OUT, `board-${viewer.locale}.png`) });
    console.log(`docs/screenshots/board-${viewer.locale}.png`);
    await context.close();
  }
  client.destroy();
} finally {
  await browser.close();
  await server.close();
}
