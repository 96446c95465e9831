/** POST /workshops/:id/timers — start, pause, resume, add time to or reset a board's or the workshop's timer. */
import { Hono } from 'hono';
import { applyTimerCommand, getTimersMap, timerKey, writeTimer, type TimerCommand } from '@plenary/shared/control';
import { timerBody } from '@plenary/shared/control/schemas';
import { ApiError } from '../errors.ts';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerOf, requireBoard, requireFacilitator, type FacilitationDeps } from './context.ts';

const command = describeRoute({
  tag: 'facilitation',
  summary: "Start, pause, resume, add time to or reset a board's or the workshop's timer",
  callers: Callers.facilitator,
  body: timerBody,
  answers: { 200: '`{ timer }`.' },
  errors: { 400: '`boardId` is not a board of this workshop.', 409: 'The timer cannot do that now (pausing a paused timer, adding time to none).' }
});

export const timerRoutes = (deps: FacilitationDeps) =>
  new Hono().post('/:id/timers', command, async (c) => {
    const caller = await callerOf(deps, c);
    requireFacilitator(caller, 'run timers');
    const body = await command.body(c);
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
