/**
 * JSON: the documented, versioned export format (see EXPORT-FORMAT.md beside this file).
 *
 *   { format: 'plenary-export', version: 1, takenAt, versionLabel, consentScope, workshop,
 *     boards: [ { theme, consent, verdicts, statuses, snapshot } ] }
 *
 * Each `snapshot` is a board snapshot (format `plenary-board`) that `validateBoard` accepts; the
 * board's theme, the consent records of its actions, each action's consent verdict and the status
 * it shows sit beside it. `verdicts` and `statuses` are derived (control/verdict.ts): a reader
 * gets the same answer the board gave without re-implementing the rule.
 */
import { z } from 'zod';
import { boardSnapshotSchema, isoDate, shortText, longText } from '../schema/snapshot-schema.ts';
import { CONSENT_SCOPES } from '../control/constants.ts';
import { ShownStatus } from '../control/verdict-status.ts';
import { VerdictState } from '../control/verdict.ts';
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

const cityNote = z.object({ city: shortText, note: longText });
const verdictSchema = z.object({
  state: z.enum(Object.values(VerdictState) as [VerdictState, ...VerdictState[]]),
  asked: z.array(shortText),
  endorsed: z.array(shortText),
  reservations: z.array(cityNote),
  objections: z.array(cityNote),
  missing: z.array(shortText)
});

/** The export file, as a zod schema (what `renderJson` writes and tools may validate against). */
export const exportDocumentSchema = z.looseObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  takenAt: z.iso.datetime({ offset: true }),
  versionLabel: z.string().nullable(),
  consentScope: z.enum(CONSENT_SCOPES as [string, ...string[]]),
  /** The reader's time zone the human-readable formats showed `takenAt` in (optional: added after version 1 began). */
  timeZone: z.string().optional(),
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
      verdicts: z.record(z.string(), verdictSchema),
      statuses: z.record(z.string(), z.enum(Object.values(ShownStatus) as [string, ...string[]])),
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
    consentScope: p.consentScope,
    timeZone: p.dates.zone,
    workshop: p.workshop as ExportDocument['workshop'],
    boards: p.boards.map((b) => ({
      theme: b.title,
      consent: b.consent as ExportDocument['boards'][number]['consent'],
      verdicts: b.verdicts as ExportDocument['boards'][number]['verdicts'],
      statuses: b.statuses,
      snapshot: b.snapshot
    }))
  };
};

/** The export as pretty-printed JSON text. */
export const renderJson = (input: ExportInput): string => `${JSON.stringify(exportDocument(input), null, 2)}\n`;
