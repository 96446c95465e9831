/**
 * Cleaning text for documents. Card text is stored verbatim; exports strip what no document should
 * carry: C0/C1 control characters (except tab and newline), unpaired surrogates and the
 * non-characters U+FFFE/U+FFFF (they make XML invalid and can hide content in spreadsheets).
 */

// C0 except \t (09) and \n (0A); DEL and C1; U+FFFE/U+FFFF.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with newlines kept (CR LF and lone CR become LF) and every other control character removed. */
export const cleanText = (value: string): string => value.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');

/** Text for one line (a title, a cell of a header, a file name): newlines and tabs become spaces. */
export const cleanLine = (value: string): string =>
  cleanText(value)
    .replace(/[\n\t]+/g, ' ')
    .trim();
