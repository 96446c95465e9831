/**
 * Markdown export: rendered by a CommonMark parser (markdown-it, HTML enabled and bare addresses
 * linked, as the most permissive reader would), hostile text yields no image, HTML element or link
 * other than the web addresses people typed; text reads back; only what would change the meaning
 * at its position is escaped.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '@plenary/shared/export';
import { buildCultureBoard, buildEnvironmentBoard, exportInput, HOSTILE, SCRIPT_TITLES, TAKEN_AT_SHOWN } from '../../export/fixtures.ts';

const md = renderMarkdown(exportInput([buildEnvironmentBoard(), buildCultureBoard()], 'Day 2 close'));
const parser = new MarkdownIt({ html: true, linkify: true });
const html = parser.render(md);
const tokens = parser.parse(md, {}).flatMap((t) => [t, ...(t.children ?? [])]);
const plain = tokens
  .filter((t) => t.type === 'text')
  .map((t) => t.content)
  .join('');

describe('Markdown export', () => {
  it('turns no hostile text into an image, HTML or a link other than a typed web address', () => {
    expect(tokens.filter((t) => ['image', 'html_inline', 'html_block'].includes(t.type))).toEqual([]);
    const links = tokens.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'));
    expect(links.every((href) => href?.startsWith('http://evil.example/'))).toBe(true);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('<img');
  });

  it('reads back every agreed action title and the hostile text as plain text', () => {
    for (const title of [...Object.values(SCRIPT_TITLES), '文化节互访', HOSTILE.formula]) expect(plain).toContain(title);
    expect(plain).toContain(HOSTILE.script);
    expect(plain).toContain(HOSTILE.mdLink);
    expect(plain).toContain(HOSTILE.controlsCleaned);
    expect(plain).not.toContain('Only proposed');
  });

  it('names the moment and version it was taken from', () => {
    expect(plain).toMatch(new RegExp(`${TAKEN_AT_SHOWN.source} · Version: Day 2 close`));
  });

  it('keeps line starts from opening headings, lists, quotes or code blocks', () => {
    for (const hostile of ['# heading', '- item', '> quote', '1. one', '2) two', '    code', '```', '===', '---', '+ plus', '* star']) {
      const tokensOf = parser.parse(`- ${escapeMarkdown(`first\n${hostile}`)}`, {});
      expect(
        tokensOf
          .map((t) => t.type)
          .filter(
            (t) => !['bullet_list_open', 'bullet_list_close', 'list_item_open', 'list_item_close', 'paragraph_open', 'paragraph_close', 'inline'].includes(t)
          ),
        hostile
      ).toEqual([]);
      expect(
        tokensOf
          .flatMap((t) => t.children ?? [])
          .filter((t) => t.type === 'text')
          .map((t) => t.content)
          .join(''),
        hostile
      ).toContain(hostile.trim());
    }
  });

  it('leaves ordinary punctuation, Thai, CJK and web addresses as typed', () => {
    for (const text of [
      'Ms. Lee (Seoul) - lead city, budget 2026.',
      'Phase 1. Review (draft) - then sign-off; next steps: A/B?',
      'โครงการคัดแยกขยะ (ระยะที่ 1) - เริ่มปี 2569.',
      '城市绿道（一期）- 启动。防災訓練の相互派遣. 청년 교류 (2026).',
      'Report: www.example.org/plan and email info@example.org'
    ]) {
      expect(escapeMarkdown(text), text).toBe(text);
    }
    // A web address is an autolink: exactly as typed, underscores and all.
    expect(escapeMarkdown('See https://example.org/a_b_c?x=1&y=2. Then')).toBe('See <https://example.org/a_b_c?x=1&y=2>. Then');
  });

  it('escapes what would become markup: line starts and pairs of *, _, ` and [', () => {
    const cases: Array<[string, string]> = [
      ['# heading', '\\# heading'],
      ['- item', '\\- item'],
      ['1. one', '1\\. one'],
      ['a *strong* word', 'a \\*strong\\* word'],
      ['an _emphasis_ here', 'an \\_emphasis\\_ here'],
      ['run `code` now', 'run \\`code\\` now'],
      ['[label](javascript:alert(1))', '\\[label]\\(javascript:alert(1))']
    ];
    for (const [text, escaped] of cases) {
      expect(escapeMarkdown(text), text).toBe(escaped);
      // …and reads back as the text, with no markup.
      const read = parser.parseInline(escapeMarkdown(text), {})[0]!.children!;
      expect(
        read.map((t) => t.type).filter((t) => t !== 'text'),
        text
      ).toEqual([]);
      expect(read.map((t) => t.content).join(''), text).toBe(text);
    }
  });
});
