export * from './messages.ts';
export * from './close-codes.ts';
export * from './tokens.ts';
export * from './participants.ts';
export * from './presence.ts';
