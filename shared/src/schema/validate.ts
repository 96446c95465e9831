/**
 * Validation entry points: whole snapshots (`validateBoard`) and the input of `addCard`
 * (`validateCardInput`), returning field paths people and tools can act on, plus the bridge
 * that turns a failed validation into a `BoardSchemaError` inside the helpers.
 */
import type { z } from 'zod';
import { BoardSchemaError, SchemaErrorCode, type SchemaIssue } from './errors.ts';
import { formatPath } from './input-checks.ts';
import { cardInputSchema, type CardInput } from './card-input.ts';
import { boardSnapshotSchema, type BoardSnapshot } from './snapshot-schema.ts';

/** Outcome of a validation: the parsed value, or the problems with their field paths. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

const toIssues = (error: z.ZodError): SchemaIssue[] => error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));

/** Runs a zod schema and reports problems as `{path, message}` pairs. */
export const runSchema = <T>(schema: z.ZodType<T>, input: unknown): ValidationResult<T> => {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error) };
};

/**
 * Like `runSchema`, but throws a `BoardSchemaError` (code `too-long`, `too-many` or
 * `invalid-input`) so a helper refuses the change before writing anything.
 */
export const parseOrThrow = <T>(schema: z.ZodType<T>, input: unknown, what: string): T => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  const first = result.error.issues[0];
  let code: SchemaErrorCode = SchemaErrorCode.invalidInput;
  if (first?.code === 'too_big') code = first.origin === 'string' ? SchemaErrorCode.tooLong : SchemaErrorCode.tooMany;
  const where = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
  throw new BoardSchemaError(code, `${what}: ${where}`, issues);
};

/**
 * Checks a JSON board (an import, a file from another tool) against the published format.
 * Problems name their path, e.g. `cards[3].endDate`.
 */
export const validateBoard = (snapshot: unknown): ValidationResult<BoardSnapshot> =>
  runSchema(boardSnapshotSchema, snapshot) as ValidationResult<BoardSnapshot>;

/** Checks what a form would pass to `addCard`, without touching a document. */
export const validateCardInput = (input: unknown): ValidationResult<CardInput> => runSchema(cardInputSchema, input) as ValidationResult<CardInput>;
