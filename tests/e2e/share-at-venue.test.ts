/**
 * The share page at the venue: the facilitator's laptop shows Plenary at localhost, which no other
 * device can open, so the invite link, its QR code and the other links use the network address
 * the server reports (GET /api/addresses), and the facilitator can pick another one. On a machine
 * with no network address the warning stays. The server listens on every interface here, as it
 * does at a venue, so the address it reports is one a phone could really open.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, startServer } from '../utils/server.ts';
import { createDemoWorkshop, WEB_BUILD, type PlenaryServer } from './utils/app.ts';
import { launchBrowser, newPerson, Viewport } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { existsSync } from 'node:fs';
import { fontsLoaded } from './utils/fonts.ts';

/** Test runs keep their shots with the artifacts; `PLENARY_SCREENSHOTS_DIR=docs/screenshots` refreshes the docs. */
const OUT = path.resolve(REPO_ROOT, process.env.PLENARY_SCREENSHOTS_DIR ?? path.join('tests', 'artifacts', 'screenshots'));

let server: PlenaryServer;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(WEB_BUILD)) throw new Error('web/build is missing: run `pnpm build` first');
  server = await startServer({ env: { LOG_LEVEL: 'info', HOST: '0.0.0.0' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const lanAddresses = async (): Promise<string[]> => {
  const res = await server.fetch('/api/addresses');
  expect(res.status).toBe(200);
  const { addresses } = (await res.json()) as { addresses: { url: string; kind: string }[] };
  return addresses.filter((a) => a.kind === 'lan').map((a) => a.url);
};

const openShare = async (viewport: { width: number; height: number }, workshopId: string, token: string): Promise<Page> => {
  const { page } = await newPerson(browser, `http://localhost:${server.port}`, { viewport });
  await page.goto(`/w/${encodeURIComponent(workshopId)}/share?token=${encodeURIComponent(token)}`);
  await page.getByTestId('share-panel').waitFor();
  return page;
};

describe('share page opened at localhost', () => {
  test('links and QR code use the network address the server reports, or the warning stays when there is none', async (ctx) => {
    let laptop: Page | undefined;
    let phone: Page | undefined;
    screenshotOnFailure(ctx, () => [laptop, phone]);
    const workshop = await createDemoWorkshop(server, 'Share at the venue');
    const lan = await lanAddresses();

    laptop = await openShare(Viewport.desktop, workshop.id, workshop.tokens.facilitator);
    const invite = laptop.getByTestId('share-invite-url');
    const qr = laptop.getByTestId('invite-qr');
    await qr.waitFor();
    if (lan.length > 0) {
      await laptop.getByTestId('share-address').waitFor();
      const expected = `${lan[0]}/join/${encodeURIComponent(workshop.joinCode)}`;
      await expect.poll(() => invite.inputValue()).toBe(expected);
      await expect.poll(() => qr.getAttribute('data-text')).toBe(expected);
      expect(await laptop.getByTestId('share-observer-url').inputValue()).toMatch(new RegExp(`^${lan[0]!.replace(/[.]/g, '\\.')}/w/`));
      expect(await laptop.getByTestId('share-localhost-warning').count()).toBe(0);
      // Every address is offered, and picking one rebuilds the links on it.
      const offered = await laptop
        .getByTestId('share-address-select')
        .locator('option')
        .evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
      expect(offered).toEqual(lan);
      const last = lan[lan.length - 1]!;
      await laptop.getByTestId('share-address-select').selectOption(last);
      await expect.poll(() => qr.getAttribute('data-text')).toBe(`${last}/join/${encodeURIComponent(workshop.joinCode)}`);
      // The address is real: the server answers there.
      expect((await fetch(`${lan[0]}/healthz`)).status).toBe(200);
    } else {
      await laptop.getByTestId('share-localhost-warning').waitFor();
      expect(await invite.inputValue()).toMatch(/^http:\/\/localhost:/);
    }

    mkdirSync(OUT, { recursive: true });
    await laptop
      .getByTestId('share-address-select')
      .selectOption(lan[0] ?? '')
      .catch(() => undefined);
    await fontsLoaded(laptop);
    await laptop.screenshot({ path: path.join(OUT, 'share-venue-laptop.png'), fullPage: true });
    phone = await openShare(Viewport.phone, workshop.id, workshop.tokens.facilitator);
    await phone.getByTestId('invite-qr').waitFor();
    if (lan.length > 0) await phone.getByTestId('share-address').waitFor();
    await fontsLoaded(phone);
    await phone.screenshot({ path: path.join(OUT, 'share-venue-phone.png'), fullPage: true });
  }, 300_000);
});
