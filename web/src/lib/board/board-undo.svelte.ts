/**
 * Undo and redo for one person on one board. The UndoManager tracks only this person's
 * transaction origin, so undo takes back their own changes and never a co-editor's.
 */
import * as Y from 'yjs';
import { RootName } from '@plenary/shared/schema';

/** Typing within this many milliseconds is undone as one step. */
const CAPTURE_TIMEOUT_MS = 600;

export class BoardUndo {
  canUndo = $state(false);
  canRedo = $state(false);
  /** Bumped whenever a new step is recorded (the delete toast hides when its step is no longer last). */
  steps = $state(0);
  readonly #manager: Y.UndoManager;

  constructor(doc: Y.Doc, origin: unknown) {
    this.#manager = new Y.UndoManager([doc.getMap(RootName.cards), doc.getMap(RootName.meta)], {
      trackedOrigins: new Set([origin]),
      captureTimeout: CAPTURE_TIMEOUT_MS
    });
    const refresh = (): void => {
      this.canUndo = this.#manager.canUndo();
      this.canRedo = this.#manager.canRedo();
    };
    this.#manager.on('stack-item-added', (event: { type: 'undo' | 'redo' }) => {
      if (event.type === 'undo') this.steps++;
      refresh();
    });
    this.#manager.on('stack-item-popped', refresh);
    this.#manager.on('stack-cleared', refresh);
  }

  undo = (): void => {
    this.#manager.undo();
  };

  redo = (): void => {
    this.#manager.redo();
  };

  /** Ends the current step, so the next change (a move, a delete) is undone on its own. */
  boundary = (): void => {
    this.#manager.stopCapturing();
  };

  destroy(): void {
    this.#manager.destroy();
  }
}
