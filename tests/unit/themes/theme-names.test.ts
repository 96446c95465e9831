/**
 * Theme names in the seminar's twelve languages: the seed names each standing theme in all of
 * them, a reader sees the workshop's own name first, then the standing one, then the theme as
 * created; the body a facilitator sends is checked field by field.
 */
import { describe, expect, it } from 'vitest';
import { workshopSeed } from '@plenary/shared/seed';
import { mergeThemeNames, standingThemeNames, THEME_LANGUAGES, themeName } from '@plenary/shared/themes';
import { themeNamesBody } from '@plenary/shared/themes/body';

const LANGUAGES = ['en', 'th', 'zh', 'ja', 'ko', 'vi', 'id', 'ru', 'km', 'mn', 'hu', 'pt'];

describe('theme names', () => {
  it('the seed names each of its five themes in all twelve languages, each name its own', () => {
    expect([...THEME_LANGUAGES].sort()).toEqual([...LANGUAGES].sort());
    expect(workshopSeed.themes).toHaveLength(5);
    for (const theme of workshopSeed.themes) {
      const names = theme as Record<string, string>;
      const missing = LANGUAGES.filter((lang) => !names[lang]?.trim());
      expect({ theme: theme.key, missing }).toEqual({ theme: theme.key, missing: [] });
      // Only Latin-script languages could share the English words; none of these do.
      for (const lang of LANGUAGES.filter((l) => l !== 'en')) expect(`${lang}: ${names[lang]}`).not.toBe(`${lang}: ${names.en}`);
    }
    // Each language tells the five themes apart.
    for (const lang of LANGUAGES) expect(new Set(workshopSeed.themes.map((t) => (t as Record<string, string>)[lang])).size).toBe(5);
  });

  it('a standing theme given in any of its languages brings all twelve names; a theme of the workshop\u2019s own none', () => {
    expect(standingThemeNames('สิ่งแวดล้อมและคุณภาพชีวิต')).toMatchObject({
      en: 'Environment and quality of life',
      vi: 'Môi trường và chất lượng cuộc sống',
      km: 'បរិស្ថាន និងគុណភាពជីវិត'
    });
    expect(Object.keys(standingThemeNames('Trade and economic promotion'))).toHaveLength(12);
    expect(standingThemeNames('Water and sanitation')).toEqual({});
  });

  it('a reader sees the workshop\u2019s name in their language, else the standing name, else the theme as created', () => {
    const standing = { theme: 'Other topics' };
    expect(themeName(standing, 'vi')).toBe('Các chủ đề khác');
    expect(themeName(standing, 'zh-Hans')).toBe('其他议题');
    expect(themeName({ ...standing, names: { vi: 'Chủ đề mở' } }, 'vi')).toBe('Chủ đề mở');
    expect(themeName({ ...standing, names: { vi: '   ' } }, 'vi')).toBe('Các chủ đề khác');
    expect(themeName({ theme: 'Water', names: { th: 'น้ำ' } }, 'th')).toBe('น้ำ');
    expect(themeName({ theme: 'Water', names: { th: 'น้ำ' } }, 'mn-Cyrl')).toBe('Water');
  });

  it('a facilitator\u2019s names replace, an empty one removes, an unknown language or a long name is refused naming the field', () => {
    expect(mergeThemeNames({ en: 'Water', th: 'น้ำ' }, { th: '', vi: 'Nước' })).toEqual({ en: 'Water', vi: 'Nước' });
    expect(themeNamesBody.parse({ names: { vi: '  Nước sạch  ' } })).toEqual({ names: { vi: 'Nước sạch' } });
    const unknown = themeNamesBody.safeParse({ names: { xx: 'Water' } });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues[0]!.path).toEqual(['names']);
    const long = themeNamesBody.safeParse({ names: { km: 'ក'.repeat(201) } });
    expect(long.error!.issues[0]!.path).toEqual(['names', 'km']);
    expect(themeNamesBody.safeParse({ names: { ru: 5 } }).error!.issues[0]!.path).toEqual(['names', 'ru']);
    expect(themeNamesBody.safeParse({}).error!.issues[0]!.path).toEqual(['names']);
  });
});
