/** The print page: A4, a page break per theme, a lang per card, every agreed action, hostile text escaped. */
import { describe, expect, it } from 'vitest';
import { printTemplates, renderPrintHtml } from '@plenary/shared/export';
import { buildCultureBoard, buildEnvironmentBoard, exportInput, HOSTILE, SCRIPT_TITLES, TAKEN_AT_SHOWN } from '../../export/fixtures.ts';

const input = exportInput([buildEnvironmentBoard(), buildCultureBoard()], 'Day 2 close');
const html = renderPrintHtml(input);

describe('print page', () => {
  it('is A4 with a page break before each theme and the annex', () => {
    expect(html).toMatch(/@page\s*{\s*size: A4;/);
    expect(html).toMatch(/\.theme, \.annex { break-before: page; }/);
    expect(html.match(/<section class="theme"/g)).toHaveLength(2);
  });

  it('marks each action with its language so the right font and line breaking apply', () => {
    for (const lang of Object.keys(SCRIPT_TITLES)) expect(html).toContain(`<article class="action" lang="${lang}">`);
    expect(html).toContain(':lang(th) { font-family: "Noto Sans Thai"');
    expect(html).toContain(':lang(ja) { font-family: "Noto Sans CJK JP"');
  });

  it('escapes hostile text everywhere, including the running header in the CSS', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const hostileTitle = renderPrintHtml({ ...input, workshop: { ...input.workshop, title: '</style><script>alert(1)</script>"' } });
    expect(hostileTitle).not.toContain('</style><script>');
    expect(hostileTitle.match(/<\/style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(html).toContain(HOSTILE.controlsCleaned);
  });

  it('leaves page numbers to the printer when asked, and gives it templates that name the moment', () => {
    expect(renderPrintHtml(input, { marginBoxes: false })).not.toContain('@bottom-right');
    expect(html).toContain('counter(pages)');
    const { headerTemplate, footerTemplate } = printTemplates(input);
    expect(headerTemplate).toMatch(new RegExp(`${TAKEN_AT_SHOWN.source} · Version: Day 2 close`));
    expect(footerTemplate).toContain('<span class="pageNumber"></span>');
    expect(footerTemplate).toContain('<span class="totalPages"></span>');
  });
});
