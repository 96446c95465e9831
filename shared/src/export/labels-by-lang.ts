/** Export labels per language: the seminar's twelve. Other languages fall back to English. */
import { EXPORT_LABELS_EN, type ExportLabels } from './labels.ts';
import { EXPORT_LABELS_JA, EXPORT_LABELS_KO, EXPORT_LABELS_TH, EXPORT_LABELS_ZH } from './labels-east-asia.ts';
import { EXPORT_LABELS_ID, EXPORT_LABELS_KM, EXPORT_LABELS_MN, EXPORT_LABELS_VI } from './labels-southeast-asia.ts';
import { EXPORT_LABELS_HU, EXPORT_LABELS_PT, EXPORT_LABELS_RU } from './labels-europe.ts';

/** Labels by base language tag. */
export const EXPORT_LABELS: Readonly<Record<string, ExportLabels>> = {
  en: EXPORT_LABELS_EN,
  th: EXPORT_LABELS_TH,
  zh: EXPORT_LABELS_ZH,
  ja: EXPORT_LABELS_JA,
  ko: EXPORT_LABELS_KO,
  vi: EXPORT_LABELS_VI,
  id: EXPORT_LABELS_ID,
  ru: EXPORT_LABELS_RU,
  km: EXPORT_LABELS_KM,
  mn: EXPORT_LABELS_MN,
  hu: EXPORT_LABELS_HU,
  pt: EXPORT_LABELS_PT
};

/** Languages exports have labels in. */
export const EXPORT_LANGS: readonly string[] = Object.keys(EXPORT_LABELS);

/** The labels for a BCP-47 tag (`zh-Hans` → Chinese), English when the language has none. */
export const exportLabels = (lang: string): ExportLabels => EXPORT_LABELS[lang.toLowerCase().split('-')[0]!] ?? EXPORT_LABELS_EN;
