/**
 * After the seminar (docs/FOLLOW-UP.md), in Chromium against the built app: the 2018 Bangkok
 * seminar's demo plan goes from agreed actions to commitments when the facilitator closes the
 * workshop on the outcomes page; Bangkok (reading in Thai, laptop) and Ho Chi Minh City (reading in
 * Vietnamese, phone) record progress through their own follow-up links; the published outcomes
 * link shows it in Japanese; and the progress report and the calendar feed carry it. Screenshots
 * of the outcomes page at 1280×800 and 390×844 (tests/artifacts/screenshots, or docs/screenshots
 * with PLENARY_SCREENSHOTS_DIR=docs/screenshots).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectClient } from '../utils/clients.ts';
import { DEMO_CONSENT, addDemoPlan, type DemoPlan } from '../utils/follow-up-plan.ts';
import { REPO_ROOT } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { Viewport, newPerson } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { withAppAndBrowser } from './utils/suite.ts';

const OUT = path.resolve(REPO_ROOT, process.env.PLENARY_SCREENSHOTS_DIR ?? path.join('tests', 'artifacts', 'screenshots'));
const THAI_NOTE = 'ครูจากโฮจิมินห์ซิตี้มาเยี่ยมโรงเรียนในกรุงเทพฯ แล้ว';
const VIET_NOTE = 'Đoạn thí điểm trên sông Sài Gòn lùi lại vì mùa mưa';
const VIET_COMMENT = 'Các trường của chúng tôi sẵn sàng đón giáo viên Bangkok';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** The demo plan on the first board, agreed by the cities it involves (a facilitator records their answers). */
const seedPlan = async (workshop: CreatedWorkshop): Promise<{ board: string; plan: DemoPlan }> => {
  const board = workshop.boards[0]!.id;
  const client = connectClient(server.syncBase, board, workshop.tokens.facilitator);
  await client.synced();
  const plan = addDemoPlan(client.doc);
  const check = connectClient(server.syncBase, board, workshop.tokens.observer);
  await check.synced();
  await waitFor(() => Object.values(plan).every((id) => check.doc.getMap('cards').has(id)), 10_000, 'the plan on the server');
  check.destroy();
  client.destroy();
  for (const { actionId, city } of DEMO_CONSENT(plan)) {
    const res = await fetch(`${server.httpBase}/api/workshops/${workshop.id}/consent`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ boardId: board, actionId, answer: 'endorse', city })
    });
    expect(res.status).toBe(200);
  }
  return { board, plan };
};

const commitment = (page: Page, actionTitle: string) => page.getByTestId('commitment').filter({ hasText: actionTitle });

const shoot = async (page: Page, name: string) => {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
};

test('demo plan → commitments → progress from Bangkok (Thai) and Ho Chi Minh City (Vietnamese) → outcomes in Japanese, report and calendar', async (ctx) => {
  const workshop = await createDemoWorkshop(server);
  const { plan } = await seedPlan(workshop);
  const pages: Page[] = [];
  screenshotOnFailure(ctx, () => pages);

  // The facilitator closes the workshop: the two agreed actions become commitments, the awaiting one does not.
  const facilitator = await newPerson(browser, server.httpBase);
  pages.push(facilitator.page);
  await facilitator.page.goto(`/w/${workshop.id}/outcomes?token=${encodeURIComponent(workshop.tokens.facilitator)}`);
  await facilitator.page.getByTestId('outcomes-empty').waitFor();
  await facilitator.page.getByTestId('close-workshop').click();
  await waitFor(async () => (await facilitator.page.getByTestId('commitment').count()) === 2, 15_000, 'two commitments');
  expect(await facilitator.page.getByTestId('commitment').allInnerTexts()).not.toEqual(expect.arrayContaining([expect.stringContaining('tourism fair')]));
  // A workshop link never goes into a calendar app: the page offers the feed to follow-up links only.
  await facilitator.page.getByTestId('calendar-needs-link').waitFor();
  expect(await facilitator.page.getByTestId('calendar-url').count()).toBe(0);
  await facilitator.page.getByText('Follow-up links').click();
  const linkOf = async (testid: string) => {
    await facilitator.page.getByTestId(`link-${testid}`).click();
    const value = facilitator.page.getByTestId(`link-value-${testid.replace(/^city-/, '')}`);
    await value.waitFor();
    return new URL(await value.inputValue()).pathname + new URL(await value.inputValue()).search;
  };
  const bangkokLink = await linkOf('city-Bangkok');
  const hcmcLink = await linkOf('city-Ho Chi Minh City');
  const outcomesLink = await linkOf('outcomes');

  // Bangkok, in Thai on a laptop, reports the first milestone of the exchange it leads as done.
  const bangkok = await newPerson(browser, server.httpBase, { locale: 'th-TH' });
  pages.push(bangkok.page);
  await bangkok.page.goto(bangkokLink);
  const schools = commitment(bangkok.page, 'Green schools exchange');
  await schools.getByText('รายงานความคืบหน้า', { exact: true }).click();
  const form = schools.getByTestId('progress-form');
  await form.getByTestId('progress-item').selectOption({ label: 'หมุดหมาย: First teacher visit' });
  await form.getByTestId('progress-status').selectOption('done');
  await form.getByTestId('progress-note').fill(THAI_NOTE);
  await form.getByTestId('progress-evidence').fill('javascript:alert(1)');
  await form.getByTestId('progress-submit').click();
  await expect.poll(() => form.getByTestId('progress-error').innerText()).toContain('http://');
  await form.getByTestId('progress-evidence').fill('https://www.bangkok.go.th/international/visit-2018');
  await form.getByTestId('progress-submit').click();
  await schools.getByTestId('progress-saved').waitFor();
  await schools.getByText(THAI_NOTE).waitFor();
  // Bangkok only notes on the river clean-up that Ho Chi Minh City leads.
  expect(await commitment(bangkok.page, 'River clean-up').getByTestId('progress-form').count()).toBe(0);
  expect(await commitment(bangkok.page, 'River clean-up').getByTestId('note-form').count()).toBe(1);

  // Ho Chi Minh City, in Vietnamese on a phone: the pilot section moves later; a note on Bangkok's exchange.
  const hcmc = await newPerson(browser, server.httpBase, { locale: 'vi-VN', viewport: Viewport.phone });
  pages.push(hcmc.page);
  await hcmc.page.goto(hcmcLink);
  const river = commitment(hcmc.page, 'River clean-up know-how transfer');
  await river.getByText('Báo cáo tiến độ', { exact: true }).click();
  const riverForm = river.getByTestId('progress-form');
  await riverForm.getByTestId('progress-item').selectOption({ label: 'Mốc: Pilot section on the Saigon River' });
  await riverForm.getByTestId('progress-status').selectOption('delayed');
  await riverForm.getByTestId('progress-percent').fill('40');
  await riverForm.getByTestId('progress-date').fill('2019-08-31');
  await riverForm.getByTestId('progress-note').fill(VIET_NOTE);
  await shoot(hcmc.page, 'follow-up-progress-form-phone-vi');
  await riverForm.getByTestId('progress-submit').click();
  await river.getByTestId('progress-saved').waitFor();
  const hcmcSchools = commitment(hcmc.page, 'Green schools exchange');
  await hcmcSchools.getByText('Thêm ghi chú', { exact: true }).click();
  await hcmcSchools.getByTestId('progress-note').fill(VIET_COMMENT);
  await hcmcSchools.getByTestId('progress-submit').click();
  await hcmcSchools.getByText(VIET_COMMENT).waitFor();

  // The published outcomes link, read in Japanese: statuses in Japanese, notes in their own languages.
  for (const [viewport, suffix] of [
    [Viewport.desktop, 'laptop'],
    [Viewport.phone, 'phone']
  ] as const) {
    const reader = await newPerson(browser, server.httpBase, { locale: 'ja-JP', viewport });
    pages.push(reader.page);
    await reader.page.goto(outcomesLink);
    await reader.page.getByTestId('outcomes-viewer').getByText('成果（閲覧のみ）').waitFor();
    const readSchools = commitment(reader.page, 'Green schools exchange');
    await readSchools.locator(`[lang="th"]`, { hasText: THAI_NOTE }).waitFor();
    await readSchools.locator(`[lang="vi"]`, { hasText: VIET_COMMENT }).waitFor();
    expect(await readSchools.getByTestId('milestone').first().getAttribute('data-status')).toBe('done');
    const readRiver = commitment(reader.page, 'River clean-up');
    await readRiver.getByText('遅延').first().waitFor();
    expect(await readRiver.innerText()).toContain('2019/08/31');
    expect(await readRiver.innerText()).toContain('2019/06/30 から変更');
    expect(await reader.page.getByTestId('progress-form').count()).toBe(0);
    expect(await reader.page.getByTestId('note-form').count()).toBe(0);
    await shoot(reader.page, `follow-up-outcomes-${suffix}-ja`);
    if (suffix === 'laptop') {
      const feedUrl = new URL(await reader.page.getByTestId('calendar-url').inputValue());
      expect(feedUrl.pathname).toBe(`/api/workshops/${workshop.id}/follow-up/calendar.ics`);
      expect(feedUrl.searchParams.get('token')).toBe(new URL(outcomesLink, server.httpBase).searchParams.get('token'));
      await reader.page.getByTestId('filter-city').selectOption('Ho Chi Minh City');
      await waitFor(async () => (await reader.page.getByTestId('commitment').count()) === 2, 5_000, 'both involve Ho Chi Minh City');
      await reader.page.getByTestId('filter-theme').selectOption({ index: 1 });
      expect(await reader.page.getByTestId('outcomes-timeline').innerText()).toContain(VIET_NOTE);
    }
    await reader.context.close();
  }
  await shoot(bangkok.page, 'follow-up-outcomes-laptop-th');

  // The report as of today, and the calendar feeds, carry what the cities recorded.
  const today = new Date().toISOString().slice(0, 10);
  const outcomesToken = new URL(outcomesLink, server.httpBase).searchParams.get('token')!;
  const get = (p: string) => fetch(`${server.httpBase}/api/workshops/${workshop.id}/follow-up/${p}`, { headers: { authorization: `Bearer ${outcomesToken}` } });
  const json = (await (await get(`report.json?date=${today}`)).json()) as { commitments: { title: string; status: string; updates: { note: string }[] }[] };
  expect(json.commitments.map((c) => [c.title, c.status]).sort()).toEqual([
    ['Green schools exchange', 'on-track'],
    ['River clean-up know-how transfer', 'delayed']
  ]);
  expect(json.commitments.flatMap((c) => c.updates.map((u) => u.note))).toEqual(expect.arrayContaining([THAI_NOTE, VIET_NOTE, VIET_COMMENT]));
  const csv = await (await get(`report.csv?date=${today}`)).text();
  expect(csv).toContain(THAI_NOTE);
  expect(csv).toContain('2019-08-31');
  const docx = unzipSync(new Uint8Array(await (await get(`report.docx?date=${today}`)).arrayBuffer()));
  expect(strFromU8(docx['word/document.xml']!)).toContain(VIET_NOTE);
  const pdf = await get(`report.pdf?date=${today}`);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString()
  ).toBe('%PDF-');
  const feed = (await (await get('calendar.ics?city=Ho%20Chi%20Minh%20City')).text()).replace(/\r\n[ \t]/g, '');
  expect(feed).toContain('DTSTART;VALUE=DATE:20190831');
  expect(feed).toContain(`UID:${workshop.id}.${workshop.boards[0]!.id}.${plan.river}.`);
  expect(feed).toContain('SEQUENCE:1');
  expect(feed).not.toContain('tourism fair');

  await Promise.all([facilitator, bangkok, hcmc].map((p) => p.context.close()));
});
