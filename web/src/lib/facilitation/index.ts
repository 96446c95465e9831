/**
 * Facilitation in the web app: the workshop's control document (read-only, written by the
 * server), the server clock for timers, the HTTP actions, and the per-board state the board's
 * facilitation components share. The wall's live view of a board (`./wall-board.svelte.ts`) is
 * imported from its own module, so the board page's scripts do not carry it.
 */
export { facilitationApi, fetchServerTime, type FacilitationApi, type MyVotes } from '$lib/api';
export { Control } from './control.svelte.ts';
export { serverClock, ServerClock } from './server-clock.svelte.ts';
export { BoardFacilitation, provideBoardFacilitation, getBoardFacilitation } from './board-facilitation.svelte.ts';
export { RoundVotes } from './my-votes.svelte.ts';
export { agendaAt, sessionDate, sessionSpan, type AgendaNow } from './agenda.ts';
export { secondsLeft, formatSeconds } from './timer-format.ts';
export { playChime } from './beep.ts';
