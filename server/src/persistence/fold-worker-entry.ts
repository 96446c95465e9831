/**
 * Entry of the fold worker in the production build (server/dist/fold-worker.mjs, bundled by
 * scripts/build-server.mjs): the fold itself, compiled, so the worker needs no tsx. During
 * development and tests the server loads fold-worker.mjs, which registers tsx first.
 */
export { foldSnapshot as default } from './fold.ts';
