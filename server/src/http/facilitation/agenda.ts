/** PUT /workshops/:id/agenda — the workshop's sessions (day, times, title, active boards). */
import { Hono } from 'hono';
import { agendaBody, writeSessions, type AgendaSession } from '@plenary/shared/control';
import { newId } from '../../workshops/ids.ts';
import { callerOf, parseBody, requireBoard, requireFacilitator, type FacilitationDeps } from './context.ts';

export const agendaRoutes = (deps: FacilitationDeps) =>
  new Hono().put('/:id/agenda', async (c) => {
    const caller = await callerOf(deps, c);
    requireFacilitator(caller, 'change the agenda');
    const body = await parseBody(c, agendaBody);
    const sessions: AgendaSession[] = body.sessions.map((s, i) => {
      s.boardIds.forEach((b, j) => requireBoard(caller.workshop, b, `sessions.${i}.boardIds.${j}`));
      return { ...s, id: s.id ?? newId(), boardIds: [...new Set(s.boardIds)] };
    });
    await deps.control.withControl(caller.workshop.id, (doc) => writeSessions(doc, sessions));
    return c.json({ sessions });
  });
