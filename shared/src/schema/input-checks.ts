/**
 * The checks the writing helpers run on their input (`addCard`, `updateCard`, `moveCard`,
 * `addListItem`, `setMilestoneDate`, `initBoard`, `updateBoardMeta`), written by hand so the web
 * app, which calls these helpers on every edit, does not download a schema library.
 *
 * The published format stays written down once, as zod schemas (`snapshot-schema.ts`,
 * `card-input.ts`, exported from `@plenary/shared/schema/zod` for the server, tools and tests);
 * these checks accept, default and refuse exactly what those schemas do, with the same field paths
 * and the same error codes (tests/schema/input-checks.test.ts runs both on the same inputs). The
 * limits come from `constants.ts`, as in the schemas.
 */
import type { z } from 'zod';
import { ACTION_STATUSES, CARD_KINDS, LANES, Limits, type Lane } from './constants.ts';
import { isIsoDate } from './dates.ts';
import { BoardSchemaError, SchemaErrorCode, type SchemaIssue } from './errors.ts';
import { ID_PATTERN } from './ids.ts';
import type { ParsedCardInput, Placement } from './card-input.ts';
import type { boardInitSchema, boardMetaPatchSchema, cardPatchSchemas, listItemInputSchemas } from './card-input.ts';

type Path = (string | number)[];
/** A problem as the schemas report it: `too_big` on a string or on a list decides the error code. */
interface Problem {
  path: Path;
  message: string;
  tooBig?: 'string' | 'other';
}
/** Reads `value` at `path`: returns the parsed value, or records problems (the value is then unused). */
type Check<T> = (value: unknown, path: Path, problems: Problem[]) => T;

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const wrongType = (expected: string, value: unknown, path: Path, problems: Problem[]): void => {
  problems.push({ path, message: `Invalid input: expected ${expected}, received ${typeName(value)}` });
};

const text =
  (max: number, shape?: { test: (s: string) => boolean; message: string }): Check<string> =>
  (value, path, problems) => {
    if (typeof value !== 'string') {
      wrongType('string', value, path, problems);
      return '';
    }
    if (value.length > max) problems.push({ path, message: `Too big: expected string to have <=${max} characters`, tooBig: 'string' });
    if (shape && !shape.test(value)) problems.push({ path, message: shape.message });
    return value;
  };

const longText = text(Limits.maxTextLength);
const shortText = text(Limits.maxShortLength);
const idText: Check<string> = text(Number.POSITIVE_INFINITY, { test: (s) => ID_PATTERN.test(s), message: 'an id of 1-64 letters, digits, "_" or "-"' });
const LANG_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const langTag = text(Number.POSITIVE_INFINITY, { test: (s) => LANG_TAG.test(s), message: 'a BCP-47 language tag' });
const isoDate = text(Number.POSITIVE_INFINITY, { test: isIsoDate, message: 'a real calendar day as yyyy-mm-dd' });

/** RFC 3339 date and time with seconds and `Z` or an offset, as `z.iso.datetime({ offset: true })` accepts. */
const DATE_TIME = new RegExp(
  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))' +
    'T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$'
);
const dateTime = text(Number.POSITIVE_INFINITY, { test: (s) => DATE_TIME.test(s), message: 'Invalid ISO datetime' });

const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (value, path, problems) => {
    if (!(values as readonly unknown[]).includes(value)) {
      problems.push({ path, message: `Invalid option: expected one of ${values.map((v) => JSON.stringify(v)).join('|')}` });
    }
    return value as T;
  };

const lane = oneOf<Lane>(LANES);
const actionStatus = oneOf(ACTION_STATUSES);

const boolean: Check<boolean> = (value, path, problems) => {
  if (typeof value !== 'boolean') wrongType('boolean', value, path, problems);
  return value as boolean;
};

/** A whole number ≥ 0 (an index in a lane). Beyond the safe integers counts as too big, as in the schema. */
const index: Check<number> = (value, path, problems) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) wrongType('number', value, path, problems);
  else if (!Number.isInteger(value)) wrongType('int', value, path, problems);
  else if (value > Number.MAX_SAFE_INTEGER) problems.push({ path, message: 'Too big: expected int to be <=9007199254740991', tooBig: 'other' });
  else if (value < 0) problems.push({ path, message: 'Too small: expected number to be >=0' });
  return value as number;
};

const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path, problems) =>
    value === null ? null : check(value, path, problems);

/** Absent (`undefined`) becomes `fallback`, which is not checked again. */
const withDefault =
  <T>(check: Check<T>, fallback: () => T): Check<T> =>
  (value, path, problems) =>
    value === undefined ? fallback() : check(value, path, problems);

const list =
  <T>(item: Check<T>, max: number): Check<T[]> =>
  (value, path, problems) => {
    if (!Array.isArray(value)) {
      wrongType('array', value, path, problems);
      return [];
    }
    // Too long a list is refused as such, without its items' problems (as the schema does).
    if (value.length > max) {
      problems.push({ path, message: `Too big: expected array to have <=${max} items`, tooBig: 'other' });
      return [];
    }
    return value.map((v, i) => item(v, [...path, i], problems));
  };

type Field = { check: Check<unknown>; optional?: boolean };
type Shape = Record<string, Field>;
const req = (check: Check<unknown>): Field => ({ check });
const opt = (check: Check<unknown>): Field => ({ check, optional: true });

const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object of `shape`: fields in the shape's order; optional fields left out stay out; keys outside
 * the shape are dropped, or refused when `strict`.
 */
const object =
  (shape: Shape, strict = false): Check<Record<string, unknown>> =>
  (value, path, problems) => {
    if (!isPlain(value)) {
      wrongType('object', value, path, problems);
      return {};
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const given = value[key];
      if (given === undefined && field.optional) {
        if (key in value) out[key] = undefined;
        continue;
      }
      const parsed = field.check(given, [...path, key], problems);
      if (parsed !== undefined || key in value) out[key] = parsed;
    }
    if (strict) {
      const unknown = Object.keys(value).filter((key) => !(key in shape));
      if (unknown.length > 0) {
        problems.push({ path, message: `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => JSON.stringify(k)).join(', ')}` });
      }
    }
    return out;
  };

const placementShape: Shape = { beforeId: opt(idText), afterId: opt(idText), index: opt(index) };
const commonShape: Shape = {
  ...placementShape,
  lane: opt(lane),
  id: opt(idText),
  createdAt: opt(dateTime),
  createdBy: req(shortText),
  authorCity: req(withDefault(shortText, () => '')),
  lang: req(langTag)
};
const emptyText = (check: Check<string>): Field => req(withDefault(check, () => ''));
const milestoneInput = object({ date: req(withDefault(nullable(isoDate), () => null)), text: emptyText(longText) });
const indicatorInput = object({ indicator: emptyText(longText), target: emptyText(longText) });

const cardInputShapes: Record<string, Shape> = {
  idea: { ...commonShape, kind: req(oneOf(['idea'])), text: emptyText(longText) },
  practice: { ...commonShape, kind: req(oneOf(['practice'])), text: emptyText(longText), sourceCity: emptyText(shortText) },
  action: {
    ...commonShape,
    kind: req(oneOf(['action'])),
    title: emptyText(longText),
    objective: emptyText(longText),
    leadCity: req(withDefault(nullable(shortText), () => null)),
    partnerCities: req(withDefault(list(shortText, Limits.maxPartnerCities), () => [])),
    startDate: req(withDefault(nullable(isoDate), () => null)),
    endDate: req(withDefault(nullable(isoDate), () => null)),
    milestones: req(withDefault(list(milestoneInput, Limits.maxListItems), () => [])),
    indicators: req(withDefault(list(indicatorInput, Limits.maxListItems), () => [])),
    resources: emptyText(longText),
    responsibleOfficer: emptyText(longText),
    status: req(withDefault(actionStatus, () => 'draft')),
    fromIdea: opt(idText)
  }
};
const cardInputs = Object.fromEntries(Object.entries(cardInputShapes).map(([kind, shape]) => [kind, object(shape)]));

/** A card of any kind, told apart by `kind`. */
const cardInput: Check<unknown> = (value, path, problems) => {
  if (!isPlain(value)) {
    wrongType('object', value, path, problems);
    return undefined;
  }
  const kind = value.kind;
  if (typeof kind !== 'string' || !(CARD_KINDS as readonly string[]).includes(kind)) {
    problems.push({ path: [...path, 'kind'], message: 'Invalid input' });
    return undefined;
  }
  return cardInputs[kind]!(value, path, problems);
};

const commonPatch: Shape = { authorCity: opt(shortText), lang: opt(langTag) };
const cardPatches = {
  idea: object(commonPatch, true),
  practice: object({ ...commonPatch, sourceCity: opt(shortText) }, true),
  action: object(
    {
      ...commonPatch,
      leadCity: opt(nullable(shortText)),
      partnerCities: opt(list(shortText, Limits.maxPartnerCities)),
      startDate: opt(nullable(isoDate)),
      endDate: opt(nullable(isoDate)),
      status: opt(actionStatus)
    },
    true
  )
};

/** `['cards', 3, 'milestones', 0, 'date']` → `cards[3].milestones[0].date`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    const name = String(part);
    return out === '' ? name : `${out}.${name}`;
  }, '');

/**
 * Runs `check` on `input`: the parsed value, or a `BoardSchemaError` (code `too-long`, `too-many`
 * or `invalid-input`, from the first problem) so a helper refuses the change before writing.
 */
const run =
  <T>(check: Check<unknown>) =>
  (input: unknown, what: string): T => {
    const problems: Problem[] = [];
    const value = check(input, [], problems);
    if (problems.length === 0) return value as T;
    const issues: SchemaIssue[] = problems.map((p) => ({ path: formatPath(p.path), message: p.message }));
    const first = problems[0]!;
    const code = first.tooBig === 'string' ? SchemaErrorCode.tooLong : first.tooBig ? SchemaErrorCode.tooMany : SchemaErrorCode.invalidInput;
    const where = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
    throw new BoardSchemaError(code, `${what}: ${where}`, issues);
  };

/** The input checks of the writing helpers, by what they check; each throws a `BoardSchemaError`. */
export const InputCheck = {
  cardInput: run<ParsedCardInput>(cardInput),
  cardPatch: {
    idea: run<z.output<(typeof cardPatchSchemas)['idea']>>(cardPatches.idea),
    practice: run<z.output<(typeof cardPatchSchemas)['practice']>>(cardPatches.practice),
    action: run<z.output<(typeof cardPatchSchemas)['action']>>(cardPatches.action)
  },
  lane: run<Lane>(lane),
  placement: run<Placement>(object(placementShape)),
  listItem: {
    milestones: run<z.output<(typeof listItemInputSchemas)['milestones']>>(milestoneInput),
    indicators: run<z.output<(typeof listItemInputSchemas)['indicators']>>(indicatorInput)
  },
  date: run<string | null>(nullable(isoDate)),
  boardInit: run<z.output<typeof boardInitSchema>>(
    object({ workshopId: req(shortText), boardId: req(shortText), theme: req(shortText), title: req(longText), createdAt: opt(dateTime) })
  ),
  boardMetaPatch: run<z.output<typeof boardMetaPatchSchema>>(object({ title: opt(longText), locked: opt(boolean) }, true))
} as const;
