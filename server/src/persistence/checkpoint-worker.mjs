/**
 * Entry of the checkpoint thread (sqlite-checkpoints.ts; tinypool loads it). The server runs
 * TypeScript through tsx's `--import` hook, which Node does not carry into worker threads, so the
 * thread registers tsx itself before it loads the TypeScript checkpoint.
 */
import { register } from 'tsx/esm/api';

register();
const { checkpointTask } = await import('./sqlite-checkpoint-task.ts');

/** A checkpoint of one store's file (or the close of the thread's connection to it). */
export default checkpointTask;
