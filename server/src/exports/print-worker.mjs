/**
 * Entry of the print thread (print-thread.ts) during development and tests. The server runs
 * TypeScript through tsx's `--import` hook, which Node does not carry into worker threads, so the
 * thread registers tsx itself before it loads the TypeScript printer.
 */
import { register } from 'tsx/esm/api';

register();
await import('./print-worker-entry.ts');
