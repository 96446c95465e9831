/**
 * Every word in the reader's language: a Vietnamese facilitator sees the seminar's themes in
 * Vietnamese on the workshop page, the wall, the board and present mode, renames a theme on the
 * wall for Vietnamese readers, reads automatic versions ("locked", "before restoring …") in
 * Vietnamese, partner cities by their own names, and languages named in their own script. On a
 * phone, a delegate waiting for confirmation reads one line, and its explanation on a tap.
 * Screenshots at 1280×800 and 390×844 are kept with the test artifacts (or in docs/screenshots with
 * PLENARY_SCREENSHOTS_DIR=docs/screenshots).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { workshopSeed } from '@plenary/shared/seed';
import { boardLink, createDemoWorkshop, workshopLink, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { newPerson, Viewport } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { enterIdentity } from './utils/identity.ts';
import { REPO_ROOT } from '../utils/server.ts';
import { waitForStatus } from './board-support.ts';
import { seedCards } from './facilitation-support.ts';
import { fontsLoaded } from './utils/fonts.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const OUT = path.resolve(REPO_ROOT, process.env.PLENARY_SCREENSHOTS_DIR ?? path.join('tests', 'artifacts', 'screenshots'));
const shoot = async (page: Page, name: string) => {
  mkdirSync(OUT, { recursive: true });
  await fontsLoaded(page);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
};

/** The page at laptop size, then at phone size (back to the laptop after). */
const shootBoth = async (page: Page, name: string, onPhone?: () => Promise<void>) => {
  await shoot(page, `${name}-1280x800`);
  await page.setViewportSize(Viewport.phone);
  await onPhone?.();
  await shoot(page, `${name}-390x844`);
  await page.setViewportSize(Viewport.desktop);
};

const vi = (key: string): string => (workshopSeed.themes.find((t) => t.key === key) as Record<string, string>).vi!;

/** A facilitator's call to the API. */
const api = async (workshop: CreatedWorkshop, method: string, path: string, body?: unknown) => {
  const res = await server.fetch(path, {
    method,
    headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {})
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
};

/** Every text of the page, options of closed lists included. */
const allText = (page: Page) => page.evaluate(() => `${document.body.innerText}\n${[...document.querySelectorAll('option')].map((o) => o.text).join('\n')}`);

describe('every word in the reader\u2019s language', () => {
  test('a Vietnamese facilitator: themes, a renamed theme, automatic versions, partner cities and language names', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Hội thảo thành phố kết nghĩa');
    const [env, , , , other] = workshop.boards.map((b) => b.id) as [string, string, string, string, string];
    // The board is locked and unlocked (an automatic version), and that version restored (a "before restoring" version).
    const [actionId] = await seedCards(server, workshop, env, [{ kind: 'action', text: 'Xe buýt điện', lane: 'proposed', partnerCities: ['Chengdu'] }]);
    await api(workshop, 'PUT', `/api/workshops/${workshop.id}/locks/${env}`, { locked: true });
    await api(workshop, 'PUT', `/api/workshops/${workshop.id}/locks/${env}`, { locked: false });
    const { versions } = (await api(workshop, 'GET', `/api/boards/${env}/versions`)) as { versions: Array<{ id: string; auto: string }> };
    await api(workshop, 'POST', `/api/boards/${env}/versions/${versions.find((v) => v.auto === 'lock')!.id}/restore`);

    page = (await newPerson(browser, server.httpBase, { locale: 'vi-VN' })).page;
    await page.goto(workshopLink(workshop, workshop.tokens.facilitator));
    // Languages are named in their own script, then in Vietnamese; none only in another language.
    await page.getByTestId('identity-form').waitFor();
    const languages = await page.getByTestId('identity-lang').locator('option').allTextContents();
    expect(languages).toContain('Tiếng Việt');
    expect(languages.find((l) => l.startsWith('ភាសាខ្មែរ'))).toMatch(/^ភាសាខ្មែរ — .*Khmer/i);
    expect(languages.find((l) => l.startsWith('Монгол'))).toMatch(/^Монгол — .*Mông Cổ/i);
    expect(languages.every((l) => !/^(Tiếng )?(Khmer|Mông Cổ|Mongolian)/i.test(l))).toBe(true);
    expect(await page.getByTestId('language-switch').locator('option').allTextContents()).toEqual([
      'English',
      'ไทย',
      '简体中文',
      '日本語',
      '한국어',
      'Tiếng Việt',
      'Bahasa Indonesia',
      'Русский',
      'ភាសាខ្មែរ',
      'Монгол',
      'Magyar',
      'Português'
    ]);
    await enterIdentity(page, { name: 'Nguyễn Lan', city: 'Ho Chi Minh City' });

    // The workshop page: every theme in Vietnamese.
    await page.getByTestId('board-tile').first().waitFor();
    const tiles = await page.locator('.tiles h3').allTextContents();
    expect(tiles).toEqual(workshopSeed.themes.map((t) => vi(t.key)));
    await shootBoth(page, 'i18n-workshop-vi');

    // The wall: the facilitator names "Other topics" for Vietnamese readers; its tile follows.
    await page.goto(`/w/${encodeURIComponent(workshop.id)}/wall`);
    const editor = page.getByTestId('theme-names');
    await editor.waitFor();
    await editor.getByTestId('theme-names-board').selectOption(other);
    await expect.poll(() => editor.getByTestId('theme-name-vi').inputValue()).toBe(vi('other'));
    expect(await editor.getByTestId('theme-name-km').inputValue()).toBe('ប្រធានបទផ្សេងៗ');
    await editor.getByTestId('theme-name-vi').fill('Chủ đề tự do');
    await editor.getByTestId('theme-names-save').click();
    await editor.getByRole('status').waitFor();
    await page.locator('[data-testid="wall-board"]', { hasText: 'Chủ đề tự do' }).waitFor();
    await editor.scrollIntoViewIfNeeded();
    await shootBoth(page, 'i18n-theme-names-vi', () => editor.scrollIntoViewIfNeeded());

    // The board: its title, its automatic versions and partner cities in Vietnamese.
    await page.goto(`/w/${encodeURIComponent(workshop.id)}/b/${encodeURIComponent(env)}`);
    await page.getByTestId('board').waitFor();
    await waitForStatus(page, 'connected');
    expect(await page.locator('header h1').first().textContent()).toBe(vi('environment'));
    await page.getByTestId('history-open').click();
    const rows = page.getByTestId('version-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).getByTestId('version-title').textContent()).toBe('Lưu trước khi khôi phục');
    expect(await rows.nth(0).getByTestId('version-detail').textContent()).toMatch(/^Trước khi khôi phục “Lưu khi bảng bị khóa · .+”$/);
    expect(await rows.nth(1).getByTestId('version-title').textContent()).toBe('Lưu khi bảng bị khóa');
    expect(await rows.nth(1).getByTestId('version-detail').count()).toBe(0);
    const history = await page.getByTestId('history-panel').innerText();
    for (const english of ['Board locked', 'Before restoring', 'Timer ended']) expect(history).not.toContain(english);
    await shootBoth(page, 'i18n-versions-vi');
    await page.getByTestId('history-close').click();

    await page.locator(`[data-card-id="${actionId}"]`).getByTestId('open-action').click();
    const chips = page.getByTestId('action-editor').getByTestId('partner-chip');
    const chengdu = chips.and(page.locator('[data-city="Chengdu"]'));
    expect(await chengdu.innerText()).toMatch(/^成都\s+Chengdu$/);
    expect(await chengdu.locator('.native').getAttribute('lang')).toBe('zh');
    // A city of the reader's own language: its own name, the English one as the chip's title.
    const hcmc = chips.and(page.locator('[data-city="Ho Chi Minh City"]'));
    expect((await hcmc.innerText()).trim()).toBe('Thành phố Hồ Chí Minh');
    expect(await hcmc.getAttribute('title')).toBe('Ho Chi Minh City');
    expect((await chips.and(page.locator('[data-city="Porto"]')).innerText()).trim()).toBe('Porto');
    await shoot(page, 'i18n-partner-chips-vi-1280x800');
    await page.setViewportSize(Viewport.phone);
    await chips.first().scrollIntoViewIfNeeded();
    // On a phone the chips wrap inside the editor: none sticks out of it.
    const overflow = await page.getByTestId('action-editor').evaluate((editorEl) => {
      const box = editorEl.getBoundingClientRect();
      return [...editorEl.querySelectorAll('[data-testid="partner-chip"]')].filter((c) => c.getBoundingClientRect().right > box.right + 1).length;
    });
    expect(overflow).toBe(0);
    await shoot(page, 'i18n-partner-chips-vi-390x844');
    await page.setViewportSize(Viewport.desktop);

    // Present mode, and the renamed theme's own board.
    await page.goto(`/w/${encodeURIComponent(workshop.id)}/b/${encodeURIComponent(other)}/present`);
    await expect.poll(() => page!.locator('h1').first().textContent()).toBe('Chủ đề tự do');
    expect(await allText(page)).not.toContain('Other topics');
    await shootBoth(page, 'i18n-present-vi');
    await page.context().close();
  });

  test('on a phone, waiting for confirmation is one line; its explanation opens on a tap', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Chờ xác nhận');
    const boardId = workshop.boards[0]!.id;
    page = (await newPerson(browser, server.httpBase, { viewport: Viewport.phone, locale: 'vi-VN' })).page;
    await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
    await enterIdentity(page, { name: 'Trần Minh', city: 'Thua Thien Hue Province' });
    const notice = page.getByTestId('participant-waiting');
    await notice.waitFor();
    // The city by its own name, for a reader of its language.
    expect(await notice.locator('summary').innerText()).toContain('Đang chờ xác nhận · Thừa Thiên Huế');
    const closed = (await notice.boundingBox())!;
    expect(closed.height).toBeLessThanOrEqual(48);
    expect(closed.width).toBeLessThanOrEqual(Viewport.phone.width);
    expect(await page.getByTestId('participant-waiting-why').isVisible()).toBe(false);
    await shoot(page, 'i18n-waiting-vi-390x844');

    await notice.locator('summary').click();
    await page.getByTestId('participant-waiting-why').waitFor();
    expect(await page.getByTestId('participant-waiting-why').innerText()).toContain('bỏ phiếu');
    expect((await notice.boundingBox())!.height).toBeGreaterThan(closed.height);
    await shoot(page, 'i18n-waiting-open-vi-390x844');
    await page.setViewportSize(Viewport.desktop);
    await notice.locator('summary').click();
    expect((await notice.boundingBox())!.height).toBeLessThanOrEqual(48);
    await shoot(page, 'i18n-waiting-vi-1280x800');
    await page.context().close();
  });
});
