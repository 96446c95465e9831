/**
 * The board's public format as zod schemas, and what needs them: checking a whole snapshot or a
 * card's input (`validateBoard`, `validateCardInput`) and importing a snapshot (`writeBoard`). For
 * the server, tools and tests; the web app imports `@plenary/shared/schema` only, which is free of
 * zod.
 */
export * from './snapshot-schema.ts';
export * from './card-input.ts';
export * from './validate.ts';
export * from './write.ts';
