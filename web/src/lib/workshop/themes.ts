/** A board's theme in the reader's language: the workshop's own names, else a standing theme's, else as created. */
import type { BoardRef } from '$lib/api';
import { themeName } from '@plenary/shared/themes';
import { LOCALE_TAGS, type Locale } from '$lib/i18n';

export const themeLabel = (board: Pick<BoardRef, 'theme' | 'names'> | undefined, locale: Locale): string =>
  board ? themeName(board, LOCALE_TAGS[locale]) : '';
