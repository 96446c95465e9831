/**
 * Joining: a facilitator creates the demo workshop through the interface and sees what to share;
 * a delegate on another device types the join code (lower case, no hyphen), says who they are and
 * lands on the workshop page; their identity is remembered after a reload; links lose their token
 * from the address bar once read.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { workshopSeed } from '@plenary/shared/seed';
import { workshopLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { newPerson } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { waitFor } from '../utils/wait.ts';

/** Follows `href` as a click on a link in the page: the app routes it without reloading (the layout stays mounted). */
const followLinkInApp = (page: Page, href: string): Promise<void> =>
  page.evaluate((target) => {
    const a = document.createElement('a');
    a.href = target;
    document.body.append(a);
    a.click();
  }, href);

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const THEMES = workshopSeed.themes.map((t) => t.en);

describe('joining a workshop', () => {
  test('create the demo workshop in the interface, then join it by typing the code on another device', async (ctx) => {
    let facilitator: Page | undefined;
    let delegate: Page | undefined;
    screenshotOnFailure(ctx, () => [facilitator, delegate]);

    facilitator = (await newPerson(browser, server.httpBase)).page;
    await facilitator.goto('/new');
    await facilitator.getByTestId('use-demo').click();
    await expect(facilitator.getByTestId('create-title').inputValue()).resolves.toBe(workshopSeed.workshop.title);
    const cityLines = (await facilitator.getByTestId('create-cities').inputValue()).split('\n');
    expect(cityLines).toHaveLength(16);
    expect((await facilitator.getByTestId('create-themes').inputValue()).split('\n')).toEqual(THEMES);
    await facilitator.getByTestId('create-submit').click();

    // The facilitator lands on the share view: join code in large type, QR code, three links.
    await facilitator.waitForURL(/\/w\/[^/]+\/share$/);
    const workshopId = new URL(facilitator.url()).pathname.split('/')[2]!;
    const codeText = (await facilitator.getByTestId('join-code-display').textContent())!.trim();
    expect(codeText).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    await facilitator.getByTestId('invite-qr').waitFor();
    const qrWidth = await facilitator.getByTestId('invite-qr').evaluate((img) => img.getBoundingClientRect().width);
    expect(qrWidth).toBeGreaterThanOrEqual(250);
    const inviteUrl = await facilitator.getByTestId('share-invite-url').inputValue();
    expect(inviteUrl).toBe(`${server.httpBase}/join/${codeText}`);
    const facilitatorUrl = await facilitator.getByTestId('share-facilitator-url').inputValue();
    const observerUrl = await facilitator.getByTestId('share-observer-url').inputValue();
    expect(facilitatorUrl).toContain(`/w/${workshopId}?token=`);
    expect(observerUrl).toContain(`/w/${workshopId}?token=`);
    expect(observerUrl).not.toBe(facilitatorUrl);

    // A delegate on another device types the code the way people do on a phone.
    delegate = (await newPerson(browser, server.httpBase)).page;
    await delegate.goto('/join');
    await delegate.getByTestId('join-code').fill(codeText.replace('-', '').toLowerCase());
    await delegate.getByTestId('join-code-submit').click();
    await expect(delegate.getByTestId('join-workshop-title').textContent()).resolves.toBe(workshopSeed.workshop.title);
    // The city list is the workshop's: the 16 cities and the host.
    const cityOptions = await delegate.getByTestId('identity-city').locator('option:not([disabled])').allTextContents();
    expect(cityOptions).toHaveLength(17);
    expect(cityOptions).toContain('Chengdu (成都)');
    await delegate.getByTestId('identity-name').fill('Nguyễn Thị Mai');
    await delegate.getByTestId('identity-city').selectOption('Ho Chi Minh City');
    await delegate.getByTestId('identity-lang').selectOption('vi');
    await delegate.getByTestId('identity-submit').click();

    await delegate.waitForURL(new RegExp(`/w/${workshopId}$`));
    await delegate.getByTestId('board-tile').nth(4).waitFor();
    expect(await delegate.getByTestId('board-tile').count()).toBe(5);
    // She chose Vietnamese: the interface speaks it from now on.
    expect(await delegate.getByTestId('role').getAttribute('data-role')).toBe('delegate');
    expect(await delegate.getByTestId('role').textContent()).toContain('đại biểu');
    const person = delegate.getByTestId('identity-button');
    await expect(person.textContent()).resolves.toContain('Nguyễn Thị Mai');
    await expect(person.textContent()).resolves.toContain('Ho Chi Minh City');

    // Remembered on this device.
    await delegate.reload();
    await delegate.getByTestId('board-tile').first().waitFor();
    await expect(delegate.getByTestId('identity-button').textContent()).resolves.toContain('Nguyễn Thị Mai');
    expect(await delegate.getByTestId('identity-form').count()).toBe(0);
  });

  test('a delegate link asks for a name first; the token leaves the address bar and is kept', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Link test');

    page = (await newPerson(browser, server.httpBase)).page;
    await page.goto(workshopLink(workshop, workshop.tokens.delegate));
    await page.getByTestId('identity-form').waitFor();
    await page.waitForURL((url) => !url.searchParams.has('token'));
    expect(page.url()).toBe(`${server.httpBase}/w/${workshop.id}`);

    await page.getByTestId('identity-name').fill('Kim Min-jun');
    await page.getByTestId('identity-city').selectOption('Seoul');
    await page.getByTestId('identity-submit').click();
    await page.getByTestId('board-tile').first().waitFor();

    // Without a token in the address, the device still has access.
    await page.goto(`/w/${workshop.id}`);
    await page.getByTestId('board-tile').nth(4).waitFor();
    await expect(page.getByTestId('identity-button').textContent()).resolves.toContain('Kim Min-jun');
  });

  test('an unknown code is refused with a message, and the code stays editable', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    page = (await newPerson(browser, server.httpBase)).page;
    await page.goto('/join/ZZZ-ZZZ');
    await page.getByText('No workshop has this code').waitFor();
    await expect(page.getByTestId('join-code').inputValue()).resolves.toBe('ZZZ-ZZZ');
  });

  test("opening another link of the same workshop on the device switches to that link's role", async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Two links');
    page = (await newPerson(browser, server.httpBase)).page;
    await page.goto(workshopLink(workshop, workshop.tokens.delegate));
    await page.getByTestId('identity-name').fill('Dorj');
    await page.getByTestId('identity-city').selectOption('Ulaanbaatar');
    await page.getByTestId('identity-submit').click();
    await page.getByTestId('board-tile').first().waitFor();
    expect(await page.getByTestId('role').textContent()).toContain('delegate');
    expect(await page.getByTestId('share-panel').count()).toBe(0);

    // A client-side navigation to the facilitator link (the layout stays mounted).
    await followLinkInApp(page, workshopLink(workshop, workshop.tokens.facilitator));
    await page.getByTestId('share-panel').waitFor();
    expect(await page.getByTestId('role').textContent()).toContain('facilitator');
    await page.waitForURL((url) => !url.searchParams.has('token'));
  });

  test("a city claim answered after another link was opened does not take the page back to the first link's role", async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Claim in flight');
    const { context, page: opened } = await newPerson(browser, server.httpBase);
    page = opened;
    // The delegate's city claim (POST …/participants) is held on its way, as on slow Wi-Fi.
    const held: Route[] = [];
    await context.route(/\/api\/workshops\/[^/]+\/participants$/, (route) =>
      route.request().method() === 'POST' ? void held.push(route) : void route.continue()
    );
    await page.goto(workshopLink(workshop, workshop.tokens.delegate));
    await page.getByTestId('identity-name').fill('Dorj');
    await page.getByTestId('identity-city').selectOption('Ulaanbaatar');
    await page.getByTestId('identity-submit').click();
    await page.getByTestId('board-tile').first().waitFor();
    await waitFor(() => held.length > 0, 15_000, 'the city claim to be sent');

    // The facilitator link opened on the same device while the claim is still on its way.
    await followLinkInApp(page, workshopLink(workshop, workshop.tokens.facilitator));
    await page.getByTestId('share-panel').waitFor();

    // The claim's answer arrives now: the page stays the facilitator's.
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && /\/participants$/.test(new URL(r.url()).pathname));
    for (const route of held.splice(0)) await route.continue();
    expect((await answered).status()).toBe(201);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('role').textContent()).toContain('facilitator');
    expect(await page.getByTestId('share-panel').count()).toBe(1);
    await context.close();
  });
});
