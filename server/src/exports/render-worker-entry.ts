/**
 * Entry of the render worker in the production build (server/dist/render-worker.mjs, bundled by
 * scripts/build-server.mjs): the task itself, compiled, so the worker needs no tsx. During
 * development and tests the server loads render-worker.mjs, which registers tsx first.
 */
export { renderTask as default } from './render-task.ts';
