/**
 * Markdown export: rendered by a CommonMark parser (markdown-it, HTML enabled as the most
 * permissive reader would), hostile text yields no link, image or HTML element; text reads back.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '@plenary/shared/export';
import { buildCultureBoard, buildEnvironmentBoard, exportInput, HOSTILE, SCRIPT_TITLES } from '../../export/fixtures.ts';

const md = renderMarkdown(exportInput([buildEnvironmentBoard(), buildCultureBoard()], 'Day 2 close'));
const parser = new MarkdownIt({ html: true, linkify: true });
const html = parser.render(md);
const tokens = parser.parse(md, {}).flatMap((t) => [t, ...(t.children ?? [])]);
const plain = tokens.filter((t) => t.type === 'text').map((t) => t.content).join('');

describe('Markdown export', () => {
  it('turns no hostile text into a link, an image or HTML', () => {
    expect(tokens.filter((t) => ['link_open', 'image', 'html_inline', 'html_block'].includes(t.type))).toEqual([]);
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
    expect(plain).toContain('Taken at 2026-03-16 09:30 UTC · Version: Day 2 close');
  });

  it('keeps line starts from opening headings, lists, quotes or code blocks', () => {
    for (const hostile of ['# heading', '- item', '> quote', '1. one', '    code', '```', '===', '+ plus']) {
      const tokensOf = parser.parse(`- ${escapeMarkdown(`first\n${hostile}`)}`, {});
      expect(tokensOf.map((t) => t.type).filter((t) => !['bullet_list_open', 'bullet_list_close', 'list_item_open', 'list_item_close', 'paragraph_open', 'paragraph_close', 'inline'].includes(t)), hostile).toEqual([]);
      expect(tokensOf.flatMap((t) => t.children ?? []).filter((t) => t.type === 'text').map((t) => t.content).join(''), hostile).toContain(hostile.trim());
    }
  });
});
