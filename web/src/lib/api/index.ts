export * from './client.ts';
export * from './workshops.ts';
export * from './facilitation.ts';
export * from './versions.ts';
export * from './exports.ts';
export * from './people.ts';
export type * from './types.ts';
export * from './follow-up.ts';
