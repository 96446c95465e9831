/**
 * Entry of the checkpoint thread in the production build (server/dist/checkpoint-worker.mjs,
 * bundled by scripts/build-server.mjs): the checkpoint itself, compiled, so the thread needs no
 * tsx. During development and tests the store loads checkpoint-worker.mjs, which registers tsx first.
 */
export { checkpointTask as default } from './sqlite-checkpoint-task.ts';
