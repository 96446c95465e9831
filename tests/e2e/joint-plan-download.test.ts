/**
 * "Download the joint plan" on the workshop page and on the facilitator wall, in real Chromium
 * against a real server: the menu offers the six formats, the twelve languages and the three
 * translation modes for the whole workshop, names what to fix first with each action's theme, and
 * downloads one file holding the agreed actions of several boards — the PDF (text read with
 * pdftotext: both themes' actions, the themes without actions on one line, the moment taken in the
 * reader's time zone), Markdown, Word in Thai and a CSV in Japanese from the wall. Screenshots of
 * the menu open on the workshop page and on the wall at laptop and phone size are kept with the
 * test artifacts, or in docs/screenshots with PLENARY_SCREENSHOTS_DIR=docs/screenshots.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { EXPORT_LABELS } from '@plenary/shared/export';
import { addCard, type CardInput } from '@plenary/shared/schema';
import { workshopSeed } from '@plenary/shared/seed';
import { connectClient } from '../utils/clients.ts';
import { REPO_ROOT } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, workshopLink, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { newPerson, Viewport, type PersonOptions } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { openWall } from './facilitation-support.ts';
import { fontsLoaded } from './utils/fonts.ts';

/** Test runs keep their shots with the artifacts; `PLENARY_SCREENSHOTS_DIR=docs/screenshots` refreshes the docs. */
const OUT = path.resolve(REPO_ROOT, process.env.PLENARY_SCREENSHOTS_DIR ?? path.join('tests', 'artifacts', 'screenshots'));
const THEMES = workshopSeed.themes.map((t) => t.en);
const ACTIONS = {
  environment: ['Green schools exchange', 'Air-quality sensor network'],
  education: ['ครูแลกเปลี่ยนระหว่างเมือง', 'Youth summer camp']
} as const;

let server: PlenaryServer;
let browser: Browser;
let workshop: CreatedWorkshop;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** Agreed actions on the first and third boards; the three others stay empty. One action lacks indicators. */
beforeAll(async () => {
  workshop = await createDemoWorkshop(server, 'Sister City Seminar 2026');
  const seed = async (boardId: string, titles: readonly string[]) => {
    const client = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
    await client.synced();
    titles.forEach((title, i) =>
      addCard(client.doc, {
        kind: 'action',
        lane: 'agreed',
        lang: /[\u0E00-\u0E7F]/.test(title) ? 'th' : 'en',
        createdBy: 'seed',
        authorCity: 'Bangkok',
        title,
        leadCity: 'Bangkok',
        partnerCities: ['Chengdu'],
        endDate: '2026-12-31',
        milestones: [{ date: '2026-06-30', text: 'First meeting' }],
        indicators: i === 1 ? [] : [{ indicator: 'Schools taking part', target: '12' }],
        status: 'agreed'
      } as CardInput)
    );
    const check = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
    await check.synced();
    await waitFor(() => check.doc.getMap('cards').size === titles.length, 10_000, 'the actions on the server');
    check.destroy();
    client.destroy();
  };
  await seed(workshop.boards[0]!.id, ACTIONS.environment);
  await seed(workshop.boards[2]!.id, ACTIONS.education);
});

/** The workshop page of a delegate on a device in Bangkok, with the joint plan's menu open. */
const openPlanMenu = async (options: PersonOptions = {}): Promise<Page> => {
  const { page } = await newPerson(browser, server.httpBase, { timezoneId: 'Asia/Bangkok', ...options });
  await page.goto(workshopLink(workshop, workshop.tokens.delegate));
  await enterIdentity(page, { name: 'Nguyễn Thị Mai', city: 'Ho Chi Minh City', lang: 'en' });
  // The menu reads the boards the page has open: wait until their actions have arrived.
  await waitFor(
    async () => Number(await page.locator(`[data-board-id="${workshop.boards[2]!.id}"] [data-testid="count-agreed"]`).getAttribute('data-count')) === 2,
    15_000,
    'agreed actions counted'
  );
  await page.getByTestId('joint-plan-open').click();
  await page.getByTestId('export-menu').waitFor();
  return page;
};

const shoot = async (page: Page, name: string) => {
  mkdirSync(OUT, { recursive: true });
  await fontsLoaded(page);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
};

/** Clicks a format in the open menu and returns the file's bytes and name. */
const download = async (page: Page, format: string): Promise<{ bytes: Buffer; name: string; url: string }> => {
  const started = page.waitForEvent('download', { timeout: 30_000 });
  const asked = page.waitForRequest((r) => r.url().includes(`/export.${format}`));
  await page.getByTestId(`export-${format}`).click();
  const file = await started;
  return { bytes: readFileSync((await file.path())!), name: file.suggestedFilename(), url: (await asked).url() };
};

const pdfText = (pdf: Buffer): string => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
const squash = (text: string): string => text.normalize('NFC').replace(/\s+/g, '');

describe('the joint plan in one click', () => {
  test('workshop page (laptop): every format, language and mode; the PDF and Markdown hold both themes’ actions', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    page = await openPlanMenu();
    const menu = page.getByTestId('export-menu');
    expect(await menu.locator('.title').textContent()).toBe('The joint plan: every theme in one file');
    const hrefs = await menu.locator('a[download]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.map((h) => new URL(h, 'http://x').pathname)).toEqual(
      ['docx', 'pdf', 'csv', 'md', 'json', 'ics'].map((f) => `/api/workshops/${encodeURIComponent(workshop.id)}/export.${f}`)
    );
    expect(new URL(hrefs[0]!, 'http://x').searchParams.get('tz')).toBe('Asia/Bangkok');
    expect(
      await page
        .getByTestId('export-lang')
        .locator('option')
        .evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value))
    ).toEqual(['en', 'th', 'zh', 'ja', 'ko', 'vi', 'id', 'ru', 'km', 'mn', 'hu', 'pt']);
    expect(await page.getByTestId('export-mode').locator('option').count()).toBe(3);
    // What to fix first, named with its theme.
    expect(await page.getByTestId('export-warnings').textContent()).toContain(`${THEMES[0]} · Air-quality sensor network: missing indicators`);
    await shoot(page, 'joint-plan-download-1280x800');

    const pdf = await download(page, 'pdf');
    expect(pdf.name).toMatch(/^Sister City Seminar 2026 – \d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(pdf.bytes);
    for (const title of [...ACTIONS.environment, ...ACTIONS.education]) expect(squash(text), title).toContain(squash(title));
    expect(squash(text)).toContain(squash(`No agreed actions yet: ${[THEMES[1], THEMES[3], THEMES[4]].join(' · ')}`));
    expect(text).toContain('(Asia/Bangkok)');
    // Title page, two themes, annex.
    expect(text.split('\f').filter((p) => p.trim())).toHaveLength(4);

    await page.getByTestId('joint-plan-open').click();
    const md = strFromU8((await download(page, 'md')).bytes);
    for (const title of [...ACTIONS.environment, ...ACTIONS.education]) expect(md).toContain(title);
    expect(md).toContain(`## ${THEMES[0]}`);
    expect(md).toContain(`## ${THEMES[2]}`);
    await page.context().close();
  });

  test('workshop page (phone): the menu as a sheet; Word in Thai holds both themes’ actions', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    page = await openPlanMenu({ viewport: Viewport.phone });
    const box = (await page.getByTestId('export-menu').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(Viewport.phone.width);
    await shoot(page, 'joint-plan-download-390x844');

    await page.getByTestId('export-lang').selectOption('th');
    const docx = await download(page, 'docx');
    expect(new URL(docx.url).searchParams.get('lang')).toBe('th');
    const xml = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(EXPORT_LABELS.th!.actionPlan);
    for (const title of [...ACTIONS.environment, ...ACTIONS.education]) expect(text, title).toContain(title);
    await page.context().close();
  });

  test('facilitator wall: the joint plan in Japanese, side by side, as a spreadsheet of both themes', async (ctx) => {
    let wall: Page | undefined;
    screenshotOnFailure(ctx, () => [wall]);
    wall = await openWall(browser, server, workshop, { timezoneId: 'Europe/Budapest' });
    await waitFor(
      async () => (await wall!.locator(`[data-board-id="${workshop.boards[2]!.id}"] [data-testid="wall-count-agreed"]`).getAttribute('data-count')) === '2',
      15_000,
      'agreed actions on the wall'
    );
    await wall.getByTestId('joint-plan-open').click();
    // The wall knows the consent answers: no city has answered yet, so every action still needs it.
    const warnings = (await wall.getByTestId('export-warnings').textContent())!;
    for (const title of [...ACTIONS.environment, ...ACTIONS.education]) expect(warnings).toContain(title);
    expect(warnings).toContain("missing the cities' consent");
    await shoot(wall, 'joint-plan-wall-1280x800');
    await wall.setViewportSize(Viewport.phone);
    await shoot(wall, 'joint-plan-wall-390x844');
    await wall.setViewportSize(Viewport.desktop);
    expect(await wall.getByTestId('export-lang').locator('option').count()).toBe(12);
    await wall.getByTestId('export-lang').selectOption('ja');
    await wall.getByTestId('export-mode').selectOption('side-by-side');

    const csv = await download(wall, 'csv');
    const query = new URL(csv.url).searchParams;
    expect({ lang: query.get('lang'), mode: query.get('mode'), tz: query.get('tz') }).toEqual({ lang: 'ja', mode: 'side-by-side', tz: 'Europe/Budapest' });
    const rows = parseCsv(csv.bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
    // Themes in the document's language.
    const ja = workshopSeed.themes.map((t) => (t as Record<string, string>).ja);
    expect(new Set(rows.map((r) => r.theme))).toEqual(new Set([ja[0], ja[2]]));
    expect(rows.map((r) => r.title).sort()).toEqual([...ACTIONS.environment, ...ACTIONS.education].sort());
    expect(rows.every((r) => r.statusLabel === EXPORT_LABELS.ja!.statuses['awaiting-consent'])).toBe(true);
    await wall.context().close();
  });
});
