/** PUT /workshops/:id/agenda — the workshop's sessions (day, times, title, active boards). */
import { Hono } from 'hono';
import { writeSessions, type AgendaSession } from '@plenary/shared/control';
import { agendaBody } from '@plenary/shared/control/schemas';
import { newId } from '../../workshops/ids.ts';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerOf, requireBoard, requireFacilitator, type FacilitationDeps } from './context.ts';

const setAgenda = describeRoute({
  tag: 'facilitation',
  summary: "Set the workshop's sessions (day, times, title, active boards)",
  callers: Callers.facilitator,
  body: agendaBody,
  answers: { 200: '`{ sessions }`, each with its id.' },
  errors: { 400: 'A session names a board not of this workshop (`field`: sessions.N.boardIds.M).' }
});

export const agendaRoutes = (deps: FacilitationDeps) =>
  new Hono().put('/:id/agenda', setAgenda, async (c) => {
    const caller = await callerOf(deps, c);
    requireFacilitator(caller, 'change the agenda');
    const body = await setAgenda.body(c);
    const sessions: AgendaSession[] = body.sessions.map((s, i) => {
      s.boardIds.forEach((b, j) => requireBoard(caller.workshop, b, `sessions.${i}.boardIds.${j}`));
      return { ...s, id: s.id ?? newId(), boardIds: [...new Set(s.boardIds)] };
    });
    await deps.control.withControl(caller.workshop.id, (doc) => writeSessions(doc, sessions));
    return c.json({ sessions });
  });
