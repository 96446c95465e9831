/**
 * Themes without agreed actions take one line of the title page ("No agreed actions yet: A · B")
 * in the print page, Word and Markdown, instead of a page or section each; themes with actions keep
 * theirs, and every theme stays in the annex.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { localiseExport, renderDocx, renderMarkdown, renderPrintHtml, EXPORT_LABELS, type ExportInput } from '@plenary/shared/export';
import { buildCultureBoard, buildEmptyBoard, buildEnvironmentBoard, exportInput } from '../../export/fixtures.ts';

const input: ExportInput = exportInput([
  buildEnvironmentBoard(),
  buildEmptyBoard('b-mobility', 'Mobility and transport'),
  buildCultureBoard(),
  buildEmptyBoard('b-economy', 'Economy, trade and investment')
]);
const LINE = 'No agreed actions yet: Mobility and transport · Economy, trade and investment';

describe('themes without agreed actions', () => {
  it('print page: one line on the title page, a page only for themes with actions', () => {
    const html = renderPrintHtml(input);
    const cover = html.slice(html.indexOf('<section class="cover">'), html.indexOf('</section>'));
    expect(cover).toContain(`<p class="no-actions">${LINE}</p>`);
    expect(html.match(/<section class="theme"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<h2>Mobility and transport<\/h2>/);
    // The annex still names every theme.
    expect(html.slice(html.indexOf('<section class="annex">'))).toContain('<h3>Economy, trade and investment</h3>');
  });

  it('Word: the line on the title page, a section only for themes with actions', async () => {
    const xml = strFromU8(unzipSync(await renderDocx(input))['word/document.xml']!);
    const text = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(text).toContain(LINE);
    // Title page, two themes, annex.
    expect(xml.match(/<w:sectPr/g)).toHaveLength(4);
  });

  it('Markdown: the line after the workshop’s facts, a heading only for themes with actions', () => {
    const md = renderMarkdown(input);
    expect(md).toContain(`\n${LINE}\n`);
    expect(md).not.toMatch(/^## Mobility and transport$/m);
    expect(md).toContain('## Culture, recreation and tourism');
    expect(md).toContain('### Mobility and transport');
  });

  it('says it in the document’s language', () => {
    const md = renderMarkdown(localiseExport(input, { lang: 'ja', mode: 'working' }));
    expect(md).toContain(EXPORT_LABELS.ja!.noAgreedActionsIn.replace('{themes}', 'Mobility and transport · Economy, trade and investment'));
  });

  it('prints no line when every theme has agreed actions', () => {
    expect(renderPrintHtml(exportInput([buildEnvironmentBoard(), buildCultureBoard()]))).not.toContain('class="no-actions"');
  });
});
