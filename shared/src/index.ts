export * from './protocol/index.ts';
export * from './seed/index.ts';
