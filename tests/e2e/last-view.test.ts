/**
 * A returning device opens on its board's last view (web/src/lib/last-view): the service worker
 * puts the first screen this device last showed into the page's HTML, so the person sees their
 * board — and can type in its cards — before the app's scripts have run; the app then carries what
 * was typed, and the focus, into its own board, where it is an edit like any other.
 *
 * The picture is read at the moment the HTML has been parsed and no script of the app has run yet
 * (document.readyState "interactive" comes before module scripts run), and typed into there, as a
 * person on a slow phone would.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addCard, getCardText } from '@plenary/shared/schema';
import { boardLink, createDemoWorkshop, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson, Viewport } from './utils/browser.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';
import { addManyCards } from '../utils/realistic-cards.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const CACHE = 'plenary-last-view';
/** A card's text that would run a script or load an image if a picture ever let markup through. */
const HOSTILE = '</textarea><script>window.__ran = 1</script><img src=x onerror="window.__ran = 2">';
const TYPED = ' — and shaded bus stops';

/** What the page held once its HTML was parsed, before any of the app's scripts ran; typed there when `type` is set. */
const readAtInteractive = (type: string | null): string => `(() => {
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const view = document.querySelector('[data-last-view]');
    const fields = view ? [...view.querySelectorAll('[data-card-id] textarea')] : [];
    const field = fields.find((f) => f.value.startsWith('Bike lanes'));
    window.__atParse = {
      view: !!view,
      cards: view ? view.querySelectorAll('[data-card-id]').length : 0,
      fieldValue: field ? field.value : null,
      hostileShown: fields.some((f) => f.value === ${JSON.stringify(HOSTILE)}),
      markupInView: view ? view.querySelectorAll('script, img').length : 0,
      appBoard: !!document.querySelector('[data-testid="board"]'),
      preloadsAfterView: (() => {
        const preloads = document.querySelector('script[data-route-preloads]');
        return view && preloads ? (view.compareDocumentPosition(preloads) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 : null;
      })()
    };
    const typed = ${JSON.stringify(type)};
    if (field && typed !== null) {
      field.focus();
      field.value = field.value + typed;
      field.setSelectionRange(field.value.length, field.value.length);
    }
  });
})()`;

interface AtParse {
  view: boolean;
  cards: number;
  fieldValue: string | null;
  hostileShown: boolean;
  markupInView: number;
  appBoard: boolean;
  /** Whether the shell's route-preload script came after the picture (null: either is missing). */
  preloadsAfterView: boolean | null;
}

/** Whether the page's origin keeps a last view for the board at `path` (the page's own board by default). */
const keepsLastView = (page: Page, path?: string): Promise<boolean> =>
  page.evaluate(
    ([cache, key]) =>
      caches
        .open(cache)
        .then((c) => c.match(key ?? location.pathname))
        .then(Boolean),
    [CACHE, path] as const
  );

/**
 * A board with two cards, one whose text is markup (and `moreCards` realistic ones after them, in
 * every lane); the person opens it once and stays until its last view is kept.
 */
const firstVisit = async (
  ctx: Parameters<typeof screenshotOnFailure>[0],
  title: string,
  { keepOpen = false, moreCards = 0 } = {}
): Promise<{ workshop: CreatedWorkshop; boardId: string; seeder: TestClient; context: BrowserContext; cardId: string; page: Page }> => {
  const workshop = await createDemoWorkshop(server, title);
  const boardId = workshop.boards[0]!.id;
  const seeder = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
  await seeder.synced();
  const cardId = addCard(seeder.doc, { kind: 'idea', text: 'Bike lanes along the river', createdBy: 'Seeder', authorCity: 'Porto', lang: 'en' });
  addCard(seeder.doc, { kind: 'idea', text: HOSTILE, createdBy: 'Seeder', authorCity: 'Porto', lang: 'en' });
  addManyCards(seeder.doc, moreCards);

  const { context, page } = await newPerson(browser, server.httpBase, { viewport: Viewport.phone });
  screenshotOnFailure(ctx, () => context.pages());
  await context.addInitScript((id) => {
    localStorage.setItem(`plenary.identity.${id}`, JSON.stringify({ name: 'Ana Silva', city: 'Porto', lang: 'en', color: '#1f6feb' }));
  }, workshop.id);
  await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
  await page.getByTestId('card').nth(1).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The page keeps its picture a few seconds after the board was drawn and last changed.
  await waitFor(() => keepsLastView(page), 20_000, 'the last view kept');
  if (!keepOpen) await page.close();
  return { workshop, boardId, seeder, context, cardId, page };
};

const openAgain = async (context: BrowserContext, workshop: CreatedWorkshop, boardId: string, type: string | null): Promise<Page> => {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.addInitScript(readAtInteractive(type));
  await page.goto(`/w/${workshop.id}/b/${boardId}`);
  return page;
};

/**
 * Notes, at every animation frame until the app's own board is in the page, how many cards of the
 * picture the page holds: a frame's callbacks run just before it is styled, laid out and painted,
 * so each number is what that frame drew.
 */
const PICTURE_FRAMES = `(() => {
  const frames = [];
  window.__pictureFrames = frames;
  const frame = () => {
    const view = document.querySelector('[data-last-view]');
    if (view) frames.push(view.querySelectorAll('[data-card-id]').length);
    if (!document.querySelector('[data-testid="board"]')) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

const atParse = (page: Page): Promise<AtParse> => page.evaluate(() => (window as unknown as { __atParse: AtParse }).__atParse);

/**
 * When the page's HTML is parsed and no script of the app has run: the caret at the end of the
 * card's text in the picture, and `begun` being composed there, with the events an input method
 * sends (compositionstart, then the composing text as input).
 */
const composeAtInteractive = (cardId: string, begun: string): string => `(() => {
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const field = document.querySelector('[data-last-view] [data-card-id="${cardId}"] textarea');
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    field.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    field.value = field.value + ${JSON.stringify(begun)};
    field.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText', data: ${JSON.stringify(begun)} }));
    window.__composeBegun = true;
  });
})()`;

/** The input method finishes the word in the picture's field: the composing text becomes `word`, then compositionend. */
const finishComposing = ({ cardId, word, begun }: { cardId: string; word: string; begun: string }): void => {
  const field = document.querySelector<HTMLTextAreaElement>(`[data-last-view] [data-card-id="${cardId}"] textarea`);
  if (!field) throw new Error('no field in the picture');
  field.value = field.value.slice(0, field.value.length - begun.length) + word;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText', data: word }));
  field.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: word }));
};

describe("a board's last view", () => {
  test('a returning phone shows its board before the app has run, keeps what is typed there, and lets no markup in a card through', async (ctx) => {
    const { workshop, boardId, seeder, context, cardId } = await firstVisit(ctx, 'Last view');
    try {
      const page = await openAgain(context, workshop, boardId, TYPED);
      // The app's own board takes over; the picture goes.
      await page.locator('[data-testid="card"]').nth(1).waitFor();
      await expect.poll(() => page.locator('[data-last-view]').count()).toBe(0);

      const seen = await atParse(page);
      expect(seen.view).toBe(true);
      expect(seen.appBoard).toBe(false);
      expect(seen.cards).toBe(2);
      expect(seen.fieldValue).toBe('Bike lanes along the river');
      // The markup is the card's text, shown as text: nothing of it became an element or ran.
      expect(seen.hostileShown).toBe(true);
      expect(seen.markupInView).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
      // The built shell's route preloads were moved after the picture, so they did not hold it back.
      expect(seen.preloadsAfterView).toBe(true);

      // What was typed into the picture is in the app's field, which has the focus, and reaches the others.
      const field = page.locator(`[data-card-id="${cardId}"] [data-testid="card-text"]`);
      await expect.poll(() => field.inputValue()).toBe(`Bike lanes along the river${TYPED}`);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-text');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-card-id]')?.getAttribute('data-card-id'))).toBe(cardId);
      await expect.poll(() => getCardText(seeder.doc, cardId, 'text').toString(), { timeout: 10_000 }).toBe(`Bike lanes along the river${TYPED}`);
      // Typing goes on in the app's field, where the caret was left.
      await page.keyboard.type('!');
      await expect.poll(() => getCardText(seeder.doc, cardId, 'text').toString(), { timeout: 10_000 }).toBe(`Bike lanes along the river${TYPED}!`);
    } finally {
      seeder.destroy();
      await context.close();
    }
  });

  test('a picture drawn by another version of the app is not shown (its styles belong to that version)', async (ctx) => {
    const { workshop, boardId, seeder, context } = await firstVisit(ctx, 'Last view of another version');
    try {
      const setter = await context.newPage();
      await setter.goto('/');
      const path = `/w/${workshop.id}/b/${boardId}`;
      await setter.evaluate(
        async ([cache, key]) => {
          const store = await caches.open(cache);
          const kept = await store.match(key);
          if (!kept) throw new Error('no last view kept');
          const headers = new Headers(kept.headers);
          headers.set('X-Plenary-Version', 'an-older-version');
          await store.put(key, new Response(await kept.text(), { headers }));
        },
        [CACHE, path] as const
      );
      await setter.close();
      const page = await openAgain(context, workshop, boardId, null);
      await page.locator('[data-testid="card"]').nth(1).waitFor();
      const seen = await atParse(page);
      expect(seen.view).toBe(false);
    } finally {
      seeder.destroy();
      await context.close();
    }
  });

  test("a device whose link is re-issued drops its board's picture (the board is no longer its to show)", async (ctx) => {
    const { workshop, seeder, context, page } = await firstVisit(ctx, 'Last view of a revoked link', { keepOpen: true });
    try {
      const reissue = await fetch(`${server.httpBase}/api/workshops/${workshop.id}/links/reissue`, {
        method: 'POST',
        headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'delegate' })
      });
      expect(reissue.status).toBe(200);
      // The server closes the board's socket for good; the page then drops the picture.
      await waitFor(() => keepsLastView(page).then((kept) => !kept), 15_000, 'the last view dropped');
    } finally {
      seeder.destroy();
      await context.close();
    }
  });

  test("a new version of the app taking over keeps the device's board pictures (and drops the old version's files)", async (ctx) => {
    const { workshop, boardId, seeder, context, page } = await firstVisit(ctx, 'Last view across versions', { keepOpen: true });
    try {
      // Files an older version kept, and the service worker gone, as when a new version arrives.
      await page.evaluate(async () => {
        await caches.open('plenary-an-older-version').then((c) => c.put('/old.js', new Response('old')));
        await (await navigator.serviceWorker.getRegistration())?.unregister();
      });
      await page.close();
      const next = await context.newPage();
      await next.goto(`/w/${workshop.id}/b/${boardId}`);
      // The new worker installs and activates: it clears what other versions kept…
      await waitFor(() => next.evaluate(() => caches.has('plenary-an-older-version').then((has) => !has)), 20_000, "the older version's files dropped");
      // …and keeps this device's last view of its board, to be shown on the next visit.
      expect(await keepsLastView(next, `/w/${workshop.id}/b/${boardId}`)).toBe(true);
    } finally {
      seeder.destroy();
      await context.close();
    }
  });

  test('a long picture is drawn once it is read whole, not a part at a time as the page is read', async (ctx) => {
    const { workshop, boardId, seeder, context } = await firstVisit(ctx, 'Last view drawn whole', { moreCards: 120 });
    try {
      const page = await context.newPage();
      // A mid-range phone's CPU: the browser reads a long page in several turns, and (without the
      // picture's end being awaited) drew the part read so far at each — one layout after another.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(readAtInteractive(null));
      await page.addInitScript(PICTURE_FRAMES);
      await page.goto(`/w/${workshop.id}/b/${boardId}`);
      await page.locator('[data-testid="board"] [data-testid="card"]').first().waitFor({ timeout: 30_000 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

      const seen = await atParse(page);
      expect(seen.view).toBe(true);
      // Enough of a picture that reading it takes the browser more than one turn.
      expect(seen.cards).toBeGreaterThan(10);
      const frames = await page.evaluate(() => (window as unknown as { __pictureFrames: number[] }).__pictureFrames);
      expect(frames.length, 'frames drawn with the picture').toBeGreaterThan(0);
      // Every frame that drew the picture drew all of it.
      expect(
        frames.filter((cards) => cards !== seen.cards),
        'frames that drew part of the picture'
      ).toEqual([]);
    } finally {
      seeder.destroy();
      await context.close();
    }
  });

  test('a word being composed in the picture with an input method is finished there before the app takes over, and arrives whole', async (ctx) => {
    const { workshop, boardId, seeder, context, cardId } = await firstVisit(ctx, 'Last view composing');
    try {
      // The picture comes from the service worker, whose answers the test cannot hold at the
      // network: the word is begun when the page's HTML is parsed, before any script of the app has
      // run, with the events an input method sends (the handover reads nothing else).
      const page = await context.newPage();
      await page.addInitScript(composeAtInteractive(cardId, 'ไท'));
      await page.goto(`/w/${workshop.id}/b/${boardId}`);
      const inPicture = page.locator(`[data-last-view] [data-card-id="${cardId}"] textarea`);

      // The app draws its own board underneath; the picture, and the word being composed in it, stay.
      const inApp = page.locator(`[data-testid="board"] [data-card-id="${cardId}"] [data-testid="card-text"]`);
      await inApp.waitFor({ state: 'attached', timeout: 30_000 });
      await expect.poll(() => inApp.inputValue(), { timeout: 10_000 }).toBe('Bike lanes along the river');
      expect(await page.evaluate(() => (window as unknown as { __composeBegun?: boolean }).__composeBegun)).toBe(true);
      // The app hands over a frame after its board is drawn; a second is far past that.
      await page.waitForTimeout(1000);
      expect(await page.locator('[data-last-view]').count(), 'the picture while a word is composed in it').toBe(1);
      expect(await inPicture.inputValue()).toBe('Bike lanes along the riverไท');

      // The word is finished: the app takes over with it, keeps the focus there, and it reaches the others whole.
      await page.evaluate(finishComposing, { cardId, word: 'ไทย', begun: 'ไท' });
      await expect.poll(() => page.locator('[data-last-view]').count()).toBe(0);
      await expect.poll(() => inApp.inputValue()).toBe('Bike lanes along the riverไทย');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-card-id]')?.getAttribute('data-card-id'))).toBe(cardId);
      await expect.poll(() => getCardText(seeder.doc, cardId, 'text').toString(), { timeout: 10_000 }).toBe('Bike lanes along the riverไทย');
    } finally {
      seeder.destroy();
      await context.close();
    }
  });
});
