/**
 * The control document of a workshop (`ctl_<workshopId>`): banner, timers, agenda, locks,
 * follow-me, voting rounds and consent. Every client syncs it read-only; the server writes it in
 * answer to the facilitation HTTP actions. `readControl` turns it into a plain `ControlSnapshot`.
 * Individual votes are never in it — only counts, and tallies once a round is revealed.
 * The bodies of the facilitation actions, as zod schemas, are in `@plenary/shared/control/schemas`
 * (the server's; the browser does not load zod).
 */
export * from './constants.ts';
export * from './types.ts';
export * from './layout.ts';
export * from './read.ts';
export * from './write.ts';
export * from './timer.ts';
export * from './tally.ts';
export * from './consent.ts';
export * from './verdict.ts';
export * from './verdict-status.ts';
