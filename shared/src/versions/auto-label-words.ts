/**
 * Automatic versions' labels in the seminar's twelve languages, for documents (exports name the
 * version they were taken from). The words are the web app's (`versions.auto.*` and
 * `versions.beforeRestoring` in its catalogue), so a reader sees one wording on screen and on paper.
 */
import { autoLabelText, type AutoLabel, type AutoLabelWords } from './auto-label.ts';

export const AUTO_LABEL_WORDS: Readonly<Record<string, AutoLabelWords>> = {
  en: {
    'board-locked': 'Saved when the board was locked',
    'timer-ended': 'Saved when the timer ended',
    hourly: 'Saved automatically (hourly)',
    'before-restore': 'Before restoring “{of}”'
  },
  th: { 'board-locked': 'บันทึกเมื่อล็อกกระดาน', 'timer-ended': 'บันทึกเมื่อหมดเวลา', hourly: 'บันทึกอัตโนมัติ (รายชั่วโมง)', 'before-restore': 'ก่อนเรียกคืน “{of}”' },
  zh: { 'board-locked': '看板锁定时保存', 'timer-ended': '计时结束时保存', hourly: '自动保存（每小时）', 'before-restore': '恢复“{of}”之前' },
  ja: {
    'board-locked': 'ボードのロック時に保存',
    'timer-ended': 'タイマー終了時に保存',
    hourly: '自動保存（1時間ごと）',
    'before-restore': '「{of}」を復元する前'
  },
  ko: { 'board-locked': '보드를 잠글 때 저장됨', 'timer-ended': '타이머가 끝날 때 저장됨', hourly: '자동 저장(매시간)', 'before-restore': '“{of}” 복원 전' },
  vi: {
    'board-locked': 'Lưu khi bảng bị khóa',
    'timer-ended': 'Lưu khi hết giờ',
    hourly: 'Tự động lưu (mỗi giờ)',
    'before-restore': 'Trước khi khôi phục “{of}”'
  },
  id: {
    'board-locked': 'Disimpan saat papan dikunci',
    'timer-ended': 'Disimpan saat waktu habis',
    hourly: 'Disimpan otomatis (tiap jam)',
    'before-restore': 'Sebelum memulihkan “{of}”'
  },
  ru: {
    'board-locked': 'Сохранена при блокировке доски',
    'timer-ended': 'Сохранена по окончании таймера',
    hourly: 'Сохранена автоматически (ежечасно)',
    'before-restore': 'Перед восстановлением «{of}»'
  },
  km: {
    'board-locked': 'រក្សាទុកនៅពេលចាក់សោក្ដារ',
    'timer-ended': 'រក្សាទុកនៅពេលអស់ម៉ោង',
    hourly: 'រក្សាទុកដោយស្វ័យប្រវត្តិ (រៀងរាល់ម៉ោង)',
    'before-restore': 'មុនពេលស្ដារ “{of}”'
  },
  mn: {
    'board-locked': 'Самбар түгжих үед хадгалсан',
    'timer-ended': 'Цаг дуусах үед хадгалсан',
    hourly: 'Автоматаар хадгалсан (цаг тутам)',
    'before-restore': 'Сэргээхийн өмнө: “{of}”'
  },
  hu: {
    'board-locked': 'Mentve a tábla zárolásakor',
    'timer-ended': 'Mentve az időzítő lejártakor',
    hourly: 'Automatikus mentés (óránként)',
    'before-restore': 'Visszaállítás előtt: „{of}”'
  },
  pt: {
    'board-locked': 'Guardada ao bloquear o quadro',
    'timer-ended': 'Guardada no fim do temporizador',
    hourly: 'Guardada automaticamente (de hora a hora)',
    'before-restore': 'Antes de repor “{of}”'
  }
};

/** The words for a BCP-47 tag (`zh-Hans` → Chinese); English for a language without them. */
export const autoLabelWords = (lang: string): AutoLabelWords => AUTO_LABEL_WORDS[lang.toLowerCase().split('-')[0]!] ?? AUTO_LABEL_WORDS.en!;

/** An instant for a document: the language's date and time in UTC, named (documents travel across time zones). */
const documentTime =
  (lang: string) =>
  (iso: string): string => {
    try {
      return `${new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
    } catch {
      return iso;
    }
  };

/** A saved version's name in a document's language: a facilitator's label as written, an automatic one in that language's words. */
export const versionLabelIn = (version: { label: string; autoLabel?: AutoLabel | undefined }, lang: string): string =>
  version.autoLabel ? autoLabelText(version.autoLabel, autoLabelWords(lang), documentTime(lang)) : version.label;
