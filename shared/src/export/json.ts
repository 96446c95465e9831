/**
 * JSON: the documented, versioned export format (see EXPORT-FORMAT.md beside this file).
 *
 *   { format: 'plenary-export', version: 1, takenAt, versionLabel, workshop, boards: [ { theme, consent, snapshot } ] }
 *
 * Each `snapshot` is a board snapshot (format `plenary-board`) that `validateBoard` accepts; the
 * board's theme and the consent records of its actions sit beside it.
 */
import { z } from 'zod';
import { boardSnapshotSchema, isoDate, shortText, longText } from '../schema/snapshot-schema.ts';
import { ConsentAnswer, type ExportInput } from './types.ts';
import { prepareExport } from './model.ts';

/** Value of `format` in a workshop export file. */
export const EXPORT_FORMAT = 'plenary-export';
/** Version of the export file layout; bumped only when a reader would misread an older file. */
export const EXPORT_VERSION = 1;

const citySchema = z.object({ en: shortText, native: shortText.optional(), country: shortText.optional(), lang: shortText.optional() });
const consentSchema = z.object({
  city: shortText,
  answer: z.enum(Object.values(ConsentAnswer) as [ConsentAnswer, ...ConsentAnswer[]]),
  note: longText.optional()
});

/** The export file, as a zod schema (what `renderJson` writes and tools may validate against). */
export const exportDocumentSchema = z.looseObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  takenAt: z.iso.datetime({ offset: true }),
  versionLabel: z.string().nullable(),
  workshop: z.object({
    id: shortText,
    title: longText,
    hostCity: citySchema.nullable(),
    cities: z.array(citySchema),
    startDate: isoDate.nullable(),
    endDate: isoDate.nullable()
  }),
  boards: z.array(
    z.object({
      theme: longText,
      consent: z.record(z.string(), z.array(consentSchema)),
      snapshot: boardSnapshotSchema
    })
  )
});
export type ExportDocument = z.infer<typeof exportDocumentSchema>;

/** The export as a JS value (cleaned text; each `snapshot` is a valid board snapshot). */
export const exportDocument = (input: ExportInput): ExportDocument => {
  const p = prepareExport(input);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    takenAt: p.takenAt,
    versionLabel: p.versionLabel,
    workshop: p.workshop as ExportDocument['workshop'],
    boards: p.boards.map((b) => ({ theme: b.title, consent: b.consent as ExportDocument['boards'][number]['consent'], snapshot: b.snapshot }))
  };
};

/** The export as pretty-printed JSON text. */
export const renderJson = (input: ExportInput): string => `${JSON.stringify(exportDocument(input), null, 2)}\n`;
