/**
 * Fonts of the Word document, per script: fonts that office PCs have (Windows and Office ship
 * them), each with Noto as its fallback, and the language tag Word needs to pick fonts, line
 * breaks and proofing for a piece of text.
 *
 * Word picks one of four font slots per character: `ascii` and `hAnsi` (Latin, Cyrillic,
 * Vietnamese), `eastAsia` (Han, kana, Hangul) and `cs` (complex scripts: Thai, Khmer). A run names
 * one font per slot, so Thai and Khmer text cannot share a run: text is cut into runs of one script
 * (`scriptRuns`), and each run names the fonts and language of its script (`runFontsOf`).
 *
 * The fallback is the font table's `w:altName` (ISO/IEC 29500-1 §17.8.3.1): a reader without
 * Leelawadee UI (LibreOffice on Linux, say) looks for Tahoma, then Noto Sans Thai, before
 * substituting by metrics. `fontTableXml` writes that table.
 */

/** Scripts that need their own fonts. Latin stands for every script in the `ascii`/`hAnsi` slots. */
export const Script = { latin: 'latin', thai: 'thai', khmer: 'khmer', cjk: 'cjk', mongolian: 'mongolian' } as const;
export type Script = (typeof Script)[keyof typeof Script];

/** A font an office PC has, and the fonts to look for when it has not (Noto last). */
interface OfficeFont {
  name: string;
  fallbacks: readonly string[];
  /** Windows character set of the font table (hex), where one fits the script. */
  charset?: string;
}

const font = (name: string, fallbacks: readonly string[], charset?: string): OfficeFont => ({ name, fallbacks, ...(charset ? { charset } : {}) });

/** Fonts by use. Latin also sets Cyrillic (Russian, Mongolian) and Vietnamese: Calibri and Arial have them. */
export const OFFICE_FONTS = {
  latin: font('Calibri', ['Arial', 'Noto Sans']),
  thai: font('Leelawadee UI', ['Tahoma', 'Noto Sans Thai'], 'DE'),
  khmer: font('Khmer UI', ['Leelawadee UI', 'Noto Sans Khmer']),
  mongolian: font('Mongolian Baiti', ['Noto Sans Mongolian']),
  zhHans: font('Microsoft YaHei', ['SimSun', 'Noto Sans CJK SC'], '86'),
  zhHant: font('Microsoft JhengHei', ['PMingLiU', 'Noto Sans CJK TC'], '88'),
  ja: font('Yu Gothic', ['MS Gothic', 'Noto Sans CJK JP'], '80'),
  ko: font('Malgun Gothic', ['Gulim', 'Noto Sans CJK KR'], '81')
} as const satisfies Record<string, OfficeFont>;
type FontKey = keyof typeof OFFICE_FONTS;

// Thai; Khmer and Khmer Symbols; Mongolian; Hangul Jamo, CJK punctuation to CJK ideographs,
// Hangul syllables, compatibility ideographs, half/full-width forms, ideographs beyond the BMP.
const THAI = /[\u0E00-\u0E7F]/u;
const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/u;
const MONGOLIAN = /[\u1800-\u18AF]/u;
const CJK = /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;
const KANA = /[\u3040-\u30FF\u31F0-\u31FF]/u;
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF]/u;
// Spaces, ASCII digits and punctuation, general punctuation: they belong to the text around them.
const NEUTRAL = /[\s\d!-/:-@[-`{-~\u2000-\u206F]/u;

const scriptOf = (ch: string): Script | null => {
  if (NEUTRAL.test(ch)) return null;
  if (THAI.test(ch)) return Script.thai;
  if (KHMER.test(ch)) return Script.khmer;
  if (CJK.test(ch)) return Script.cjk;
  if (MONGOLIAN.test(ch)) return Script.mongolian;
  return Script.latin;
};

/** `text` cut into pieces of one script each; spaces and punctuation stay with the text before them. */
export const scriptRuns = (text: string): Array<{ text: string; script: Script }> => {
  const runs: Array<{ text: string; script: Script }> = [];
  let current: { text: string; script: Script | null } = { text: '', script: null };
  for (const ch of text) {
    const script = scriptOf(ch);
    if (script === null || script === current.script || current.script === null) {
      current.text += ch;
      current.script ??= script;
    } else {
      runs.push({ text: current.text, script: current.script });
      current = { text: ch, script };
    }
  }
  if (current.text) runs.push({ text: current.text, script: current.script ?? Script.latin });
  return runs;
};

const baseOf = (lang: string | undefined): string => (lang ?? '').toLowerCase().split('-')[0]!;

/** Which CJK face: kana says Japanese, Hangul Korean; Han alone follows the language (Chinese when it says nothing). */
const cjkFontOf = (text: string, lang: string | undefined): FontKey => {
  if (KANA.test(text)) return 'ja';
  if (HANGUL.test(text)) return 'ko';
  const base = baseOf(lang);
  if (base === 'ja' || base === 'ko') return base;
  return /^zh-(hant|tw|hk|mo)\b/i.test(lang ?? '') ? 'zhHant' : 'zhHans';
};

/** Tags Word knows for the seminar's languages (its proofing tools are per region). */
const WORD_LANG: Readonly<Record<string, string>> = {
  en: 'en-GB',
  th: 'th-TH',
  km: 'km-KH',
  zh: 'zh-CN',
  ja: 'ja-JP',
  ko: 'ko-KR',
  vi: 'vi-VN',
  id: 'id-ID',
  ru: 'ru-RU',
  mn: 'mn-MN',
  hu: 'hu-HU',
  pt: 'pt-PT'
};
/** Languages of the seminar not written in Latin or Cyrillic letters. */
const NOT_LATIN: readonly string[] = ['th', 'km', 'zh', 'ja', 'ko'];
const LANG_OF_SCRIPT: Readonly<Partial<Record<Script, string>>> = { thai: 'th', khmer: 'km' };

/** `th` → `th-TH`; a tag with a region is kept; Traditional Chinese is `zh-TW`. */
export const wordLang = (lang: string): string => {
  if (/^zh-(hant|tw|hk|mo)\b/i.test(lang)) return 'zh-TW';
  if (/^[a-z]{2,3}-[A-Z]{2}$/.test(lang)) return lang;
  return WORD_LANG[baseOf(lang)] ?? lang;
};

/** What a run names: its fonts per slot, with a hint for CJK text, and its language. */
export interface RunFonts {
  font: { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint?: string };
  language?: { value?: string; eastAsia?: string; bidirectional?: string };
}

/**
 * Fonts and language of one run of one script. `lang` is the language of the text it was cut
 * from (a card's), `docLang` the document's: a run in another script than `lang` is tagged by its
 * script (Thai letters in an English card are Thai).
 */
export const runFontsOf = (script: Script, text: string, lang: string | undefined, docLang: string): RunFonts => {
  const own = lang && lang !== 'und' ? lang : undefined;
  const base = baseOf(own);
  const cjk = OFFICE_FONTS[cjkFontOf(text, own ?? docLang)].name;
  const latin = OFFICE_FONTS.latin.name;
  switch (script) {
    case Script.thai:
    case Script.khmer: {
      const tag = base === LANG_OF_SCRIPT[script] ? own! : LANG_OF_SCRIPT[script]!;
      return { font: { ascii: latin, hAnsi: latin, eastAsia: cjk, cs: OFFICE_FONTS[script].name }, language: { bidirectional: wordLang(tag) } };
    }
    case Script.cjk: {
      const face = cjkFontOf(text, own ?? docLang);
      const tag = face === 'ja' ? 'ja' : face === 'ko' ? 'ko' : face === 'zhHant' ? 'zh-Hant' : 'zh';
      const fitting = baseOf(tag) === base ? own! : tag;
      return { font: { ascii: latin, hAnsi: latin, eastAsia: cjk, cs: OFFICE_FONTS.thai.name, hint: 'eastAsia' }, language: { eastAsia: wordLang(fitting) } };
    }
    case Script.mongolian: {
      const mongolian = OFFICE_FONTS.mongolian.name;
      return { font: { ascii: mongolian, hAnsi: mongolian, eastAsia: cjk, cs: mongolian }, language: { value: 'mn-Mong-CN' } };
    }
    case Script.latin: {
      // Latin or Cyrillic letters: tagged with the text's language when it is written in them
      // (`USD` in a Thai card is not Thai); otherwise the document's default applies.
      const tag = own && !NOT_LATIN.includes(base) ? own : undefined;
      return { font: { ascii: latin, hAnsi: latin, eastAsia: cjk, cs: OFFICE_FONTS.thai.name }, ...(tag ? { language: { value: wordLang(tag) } } : {}) };
    }
  }
};

/** The document's default fonts and language: Latin text in Calibri, East Asian and complex script text by the document's language. */
export const defaultRunFonts = (docLang: string): RunFonts => {
  const base = baseOf(docLang);
  const cjk = OFFICE_FONTS[cjkFontOf('', docLang)].name;
  const cs = base === 'km' ? OFFICE_FONTS.khmer.name : OFFICE_FONTS.thai.name;
  const latin = OFFICE_FONTS.latin.name;
  const tag = wordLang(docLang);
  const language = ['zh', 'ja', 'ko'].includes(base)
    ? { value: WORD_LANG.en, eastAsia: tag }
    : ['th', 'km'].includes(base)
      ? { value: WORD_LANG.en, bidirectional: tag }
      : { value: tag };
  return { font: { ascii: latin, hAnsi: latin, eastAsia: cjk, cs }, language };
};

const escapeXml = (value: string): string => value.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** word/fontTable.xml: every font the document names, with its fallbacks as `w:altName`. */
export const fontTableXml = (): string => {
  const fonts = Object.values(OFFICE_FONTS as Record<FontKey, OfficeFont>).map(
    (f) =>
      `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.fallbacks.join(','))}"/>${f.charset ? `<w:charset w:val="${f.charset}"/>` : ''}<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>`
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`;
};
