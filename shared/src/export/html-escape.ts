/** Escaping for HTML text and attributes, and for CSS strings inside a `<style>` element. */

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML element content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);

/** A double-quoted CSS string literal; `<` is escaped so the text cannot close the `<style>` element. */
export const cssString = (text: string): string => `"${text.replace(/[\\"<\n]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;

/** A `lang` attribute for a BCP-47 tag, or nothing for "undetermined". */
export const langAttr = (lang: string | undefined): string =>
  lang && lang !== 'und' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? ` lang="${lang}"` : '';
