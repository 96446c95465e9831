/**
 * Entry of a render worker thread (tinypool loads it). The server runs TypeScript through tsx's
 * `--import` hook, which Node does not carry into worker threads, so the worker registers tsx
 * itself before it loads the TypeScript task.
 */
import { register } from 'tsx/esm/api';

register();
const { renderTask } = await import('./render-task.ts');

/** One export task in, its rendered file (or print page) and problems out. */
export default renderTask;
