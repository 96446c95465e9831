/**
 * Screenshots of the create/share view, the join flow and the workshop page for docs/screenshots,
 * at 1280×800 and at phone size, against a real server with the demo seminar.
 *
 *   pnpm build && node --import tsx tests/e2e/utils/take-screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addCard, moveCard } from '@plenary/shared/schema';
import { connectClient } from '../../utils/clients.ts';
import { REPO_ROOT } from '../../utils/server.ts';
import { waitFor } from '../../utils/wait.ts';
import { createDemoWorkshop, startAppServer, workshopLink, type CreatedWorkshop, type PlenaryServer } from './app.ts';
import { launchBrowser, newPerson, Viewport } from './browser.ts';
import { enterIdentity, tileCount } from './identity.ts';
import { fontsLoaded } from './fonts.ts';

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');

const shoot = async (page: Page, name: string, fullPage = false) => {
  await fontsLoaded(page);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage });
  console.log(`docs/screenshots/${name}.png`);
};

const fillBoard = async (server: PlenaryServer, workshop: CreatedWorkshop) => {
  const client = connectClient(server.syncBase, workshop.boards[0]!.id, workshop.tokens.delegate, {
    user: { name: 'Li Wei', city: 'Chengdu', color: '#8250df', lang: 'zh' }
  });
  await client.synced();
  const ideas: Array<[string, string, string]> = [
    ['Chengdu', 'zh', '共享城市公园管理经验'],
    ['Seoul', 'ko', '하천 복원 사례 공유'],
    ['Porto', 'pt', 'Dia conjunto de limpeza do rio'],
    ['Bangkok', 'th', 'แลกเปลี่ยนข้อมูลคุณภาพอากาศแบบเรียลไทม์'],
    ['Budapest', 'en', 'Thermal-bath energy reuse']
  ];
  for (const [city, lang, text] of ideas) addCard(client.doc, { kind: 'idea', text, createdBy: 'demo', authorCity: city, lang });
  const a = addCard(client.doc, { kind: 'action', title: 'Green schools exchange', createdBy: 'demo', lang: 'en' });
  addCard(client.doc, { kind: 'action', title: 'Air-quality sensor network', createdBy: 'demo', lang: 'en' });
  moveCard(client.doc, a, { lane: 'agreed' });
  return client;
};

const run = async (browser: Browser, server: PlenaryServer) => {
  mkdirSync(OUT, { recursive: true });
  for (const [size, viewport] of [
    ['desktop', Viewport.desktop],
    ['phone', Viewport.phone]
  ] as const) {
    const facilitator = (await newPerson(browser, server.httpBase, { viewport })).page;
    await facilitator.goto('/');
    await shoot(facilitator, `landing-${size}`);
    await facilitator.goto('/new');
    await facilitator.getByTestId('use-demo').click();
    await shoot(facilitator, `create-${size}`);
    await facilitator.getByTestId('create-submit').click();
    await facilitator.waitForURL(/\/share$/);
    await facilitator.getByTestId('invite-qr').waitFor();
    await shoot(facilitator, `share-${size}`, size === 'desktop');
    const code = (await facilitator.getByTestId('join-code-display').textContent())!.trim();

    const delegate = (await newPerson(browser, server.httpBase, { viewport })).page;
    await delegate.goto('/join');
    await delegate.getByTestId('join-code').fill(code.toLowerCase());
    await shoot(delegate, `join-code-${size}`);
    await delegate.getByTestId('join-code-submit').click();
    await delegate.getByTestId('identity-form').waitFor();
    await delegate.getByTestId('identity-name').fill('Nguyễn Thị Mai');
    await delegate.getByTestId('identity-city').selectOption('Ho Chi Minh City');
    await delegate.getByTestId('identity-lang').selectOption('vi');
    await shoot(delegate, `join-identity-${size}`);
    await delegate.context().close();
    await facilitator.context().close();
  }

  const workshop = await createDemoWorkshop(server);
  const client = await fillBoard(server, workshop);
  for (const [size, viewport] of [
    ['desktop', Viewport.desktop],
    ['phone', Viewport.phone]
  ] as const) {
    for (const locale of ['en', 'th'] as const) {
      const page = (await newPerson(browser, server.httpBase, { viewport, locale: locale === 'th' ? 'th-TH' : 'en-GB' })).page;
      await page.goto(workshopLink(workshop, workshop.tokens.delegate));
      await enterIdentity(page, locale === 'th' ? { name: 'สมชาย ใจดี', city: 'Bangkok', lang: 'th' } : { name: 'Ana Costa', city: 'Porto', lang: 'pt' });
      await waitFor(async () => (await tileCount(page, workshop.boards[0]!.id, 'ideas')) === 5, 10_000, 'ideas counted');
      await waitFor(async () => (await page.getByTestId('connection-status').getAttribute('data-status')) === 'connected', 10_000, 'connected');
      await shoot(page, `workshop-${locale}-${size}`, size === 'phone');
      await page.context().close();
    }
  }
  const facilitator = (await newPerson(browser, server.httpBase)).page;
  await facilitator.goto(workshopLink(workshop, workshop.tokens.facilitator));
  await enterIdentity(facilitator, { name: 'Pim Srisuk', city: 'Bangkok', lang: 'en' });
  await facilitator.getByTestId('share-panel').waitFor();
  await shoot(facilitator, 'workshop-facilitator-desktop', true);
  client.destroy();
};

const server = await startAppServer();
const browser = await launchBrowser();
try {
  await run(browser, server);
} finally {
  await browser.close();
  await server.close();
}
