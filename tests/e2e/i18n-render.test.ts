/**
 * Every script of the seminar's languages renders with the fonts the app ships, not with boxes and
 * not with whatever the computer has installed: for a sample of each language, Chromium reports
 * (DevTools `CSS.getPlatformFontsForNode`) which fonts drew its glyphs; each must be one of the
 * app's web fonts, and the script's own font must be among them. A script the app does not ship
 * (Georgian) is the control: the same check reports a font that is not ours, so the check can fail.
 * Thai and Khmer paragraphs in a narrow column wrap only at word boundaries.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { newPerson } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { fontsLoaded } from './utils/fonts.ts';

/** Sample text per interface language, and the shipped font file that must draw its script. */
const SAMPLES: ReadonlyArray<{ lang: string; text: string; font: RegExp }> = [
  { lang: 'en', text: 'Joint action plan of the sister cities', font: /^Noto Sans$/ },
  { lang: 'th', text: 'แผนปฏิบัติการร่วมของเมืองพี่เมืองน้อง กรุงเทพมหานคร', font: /Noto Sans Thai/ },
  { lang: 'zh', text: '姐妹城市联合行动计划 成都 大连 上海 山东省 深圳', font: /Noto Sans SC/ },
  { lang: 'ja', text: '姉妹都市の共同行動計画 福岡県 ひらがな カタカナ', font: /Noto Sans JP/ },
  { lang: 'ko', text: '자매도시 공동 실행 계획 서울', font: /Noto Sans KR/ },
  { lang: 'vi', text: 'Kế hoạch hành động chung Thành phố Hồ Chí Minh', font: /^Noto Sans$/ },
  { lang: 'id', text: 'Rencana aksi bersama kota kembar Jakarta', font: /^Noto Sans$/ },
  { lang: 'ru', text: 'Совместный план действий городов-побратимов Москва', font: /^Noto Sans$/ },
  { lang: 'km', text: 'ផែនការសកម្មភាពរួមរបស់ក្រុងភគិនីសម្ព័ន្ធ ភ្នំពេញ', font: /Noto Sans Khmer/ },
  { lang: 'mn', text: 'Ах дүү хотуудын хамтарсан төлөвлөгөө Улаанбаатар өү', font: /^Noto Sans$/ },
  { lang: 'hu', text: 'Testvérvárosok közös cselekvési terve Budapest őű', font: /^Noto Sans$/ },
  { lang: 'pt', text: 'Plano de ação conjunto das cidades irmãs Porto ãç', font: /^Noto Sans$/ }
];

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** Puts each sample on the page in its own element with its `lang`, and waits for its fonts. */
const showSamples = async (page: Page, samples: ReadonlyArray<{ lang: string; text: string }>) => {
  await page.evaluate(async (list) => {
    const host = document.createElement('section');
    host.id = 'samples';
    for (const [i, { lang, text }] of list.entries()) {
      const p = document.createElement('p');
      p.id = `sample-${i}`;
      p.lang = lang;
      p.textContent = text;
      host.append(p);
    }
    document.body.append(host);
    // Load every face the samples need (unicode-range subsets are fetched on use).
    for (const p of host.querySelectorAll('p')) {
      const family = getComputedStyle(p).fontFamily;
      await document.fonts.load(`16px ${family}`, p.textContent ?? '');
    }
    await document.fonts.ready;
  }, samples);
};

const fontsOf = async (cdp: CDPSession, selector: string): Promise<PlatformFont[]> => {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  // The text node holds the glyphs; ask for the element's own text.
  const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: PlatformFont[] };
  return fonts;
};

describe('scripts render with the shipped fonts', () => {
  test('each language’s sample is drawn by the app’s web fonts, its script by its own font', async (ctx) => {
    const { context, page } = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [page]);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await fontsLoaded(page);
    const samples = [...SAMPLES, { lang: 'ka', text: 'საქართველო თბილისი', font: /never/ }];
    await showSamples(page, samples);
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');

    const report: string[] = [];
    for (const [i, sample] of SAMPLES.entries()) {
      const fonts = await fontsOf(cdp, `#sample-${i}`);
      const notOurs = fonts.filter((f) => !f.isCustomFont);
      const own = fonts.find((f) => f.isCustomFont && sample.font.test(f.familyName));
      if (notOurs.length > 0 || !own)
        report.push(`${sample.lang}: ${fonts.map((f) => `${f.familyName}${f.isCustomFont ? '' : ' (system)'}×${f.glyphCount}`).join(', ')}`);
    }
    expect(report).toEqual([]);

    // The control: Georgian is not shipped, so a font that is not ours draws it. The same check
    // that passes above fails here, which is what makes it a check.
    const control = await fontsOf(cdp, `#sample-${SAMPLES.length}`);
    expect(control.some((f) => !f.isCustomFont)).toBe(true);

    // And the FontFaceSet agrees: every sample's faces are loaded, none pending.
    const unloaded = await page.evaluate(() =>
      [...document.querySelectorAll('#samples p')]
        .slice(0, -1)
        .filter((p) => !document.fonts.check(`16px ${getComputedStyle(p).fontFamily}`, p.textContent ?? ''))
        .map((p) => p.getAttribute('lang'))
    );
    expect(unloaded).toEqual([]);
    await context.close();
  });

  test('a page downloads only the font subsets its own characters need', async (ctx) => {
    const { context, page } = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [page]);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await fontsLoaded(page);
    const faces = await page.evaluate(async () => {
      await document.fonts.ready;
      // Every character the page shows, the language picker's native names included.
      const shown = new Set(
        [...document.body.innerText, ...[...document.querySelectorAll('option')].flatMap((o) => [...o.text])].map((c) => c.codePointAt(0)!)
      );
      const covers = (range: string) =>
        range.split(',').some((part) => {
          const [from, to] = part
            .trim()
            .replace(/^U\+/i, '')
            .split('-')
            .map((h) => parseInt(h, 16));
          for (const code of shown) if (code >= from! && code <= (to ?? from)!) return true;
          return false;
        });
      const all = [...document.fonts].filter((f) => f.family.startsWith('"Plenary') || f.family.startsWith('Plenary'));
      const loaded = all.filter((f) => f.status !== 'unloaded');
      return {
        total: all.length,
        loaded: loaded.length,
        needless: loaded.filter((f) => !covers(f.unicodeRange)).map((f) => `${f.family} ${f.unicodeRange.slice(0, 30)}`)
      };
    });
    expect(faces.total).toBeGreaterThan(300);
    expect(faces.loaded).toBeGreaterThan(0);
    expect(faces.needless).toEqual([]);
    // A few dozen at most of the several hundred: the CJK sets are split in about 100 parts each.
    expect(faces.loaded).toBeLessThan(faces.total / 10);
    await context.close();
  });

  test.each([
    { lang: 'th', text: 'ผู้แทนจากเมืองพี่เมืองน้องร่วมกันวางแผนปฏิบัติการเพื่อพัฒนาคุณภาพชีวิตของประชาชนในเมืองใหญ่' },
    { lang: 'km', text: 'ប្រតិភូមកពីក្រុងភគិនីសម្ព័ន្ធរៀបចំផែនការសកម្មភាពរួមដើម្បីអភិវឌ្ឍគុណភាពជីវិតរបស់ប្រជាជន' }
  ])('$lang text without spaces wraps only between words', async ({ lang, text }) => {
    const { context, page } = await newPerson(browser, server.httpBase);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await fontsLoaded(page);
    const result = await page.evaluate(
      async ({ lang, text }) => {
        const box = document.createElement('p');
        box.lang = lang;
        box.style.width = '9em';
        box.textContent = text;
        document.body.append(box);
        await document.fonts.load(`16px ${getComputedStyle(box).fontFamily}`, text);
        await document.fonts.ready;
        // Where each line starts: the first character whose box is lower than the previous one's.
        const node = box.firstChild!;
        const starts: number[] = [];
        let top = -Infinity;
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (rect.top > top + 2) {
            if (i > 0) starts.push(i);
            top = rect.top;
          }
        }
        const boundaries = new Set([...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map((s) => s.index));
        return { starts, midWord: starts.filter((i) => !boundaries.has(i)) };
      },
      { lang, text }
    );
    expect(result.starts.length).toBeGreaterThan(1);
    expect(result.midWord).toEqual([]);
    await context.close();
  });
});
