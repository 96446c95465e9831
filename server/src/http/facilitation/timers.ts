/** POST /workshops/:id/timers — start, pause, resume, add time to or reset a board's or the workshop's timer. */
import { Hono } from 'hono';
import { applyTimerCommand, getTimersMap, timerBody, timerKey, writeTimer, type TimerCommand } from '@plenary/shared/control';
import { ApiError } from '../errors.ts';
import { callerOf, parseBody, requireBoard, requireFacilitator, type FacilitationDeps } from './context.ts';

export const timerRoutes = (deps: FacilitationDeps) =>
  new Hono().post('/:id/timers', async (c) => {
    const caller = await callerOf(deps, c);
    requireFacilitator(caller, 'run timers');
    const body = await parseBody(c, timerBody);
    if (body.boardId) requireBoard(caller.workshop, body.boardId);
    const timer = await deps.control.withControl(caller.workshop.id, (doc) => {
      // Read, decide and write in one synchronous step: no other action can slip in between.
      const current = getTimersMap(doc).get(timerKey(body.boardId)) ?? null;
      const result = applyTimerCommand(current, body as TimerCommand, Date.now());
      if (!result.ok) throw new ApiError(409, result.reason);
      writeTimer(doc, body.boardId, result.timer);
      return result.timer;
    });
    deps.autoVersions.timerChanged(caller.workshop, body.boardId, timer);
    return c.json({ timer });
  });
