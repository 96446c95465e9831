/**
 * …/rounds/:rid/votes — a participant votes, takes a vote back, and reads their own votes. Nobody
 * can read anyone else's: there is no such endpoint, and ballots never enter a shared document.
 */
import { Hono } from 'hono';
import { voteBody } from '@plenary/shared/control';
import { callerOf, parseBody, requireParticipant, type FacilitationDeps } from './context.ts';

export const voteRoutes = (deps: FacilitationDeps) =>
  new Hono()
    .get('/:id/rounds/:rid/votes/mine', async (c) => {
      const caller = await callerOf(deps, c);
      const voter = requireParticipant(caller, 'vote');
      return c.json(await deps.rounds.mine(caller.workshop.id, c.req.param('rid'), voter));
    })
    .post('/:id/rounds/:rid/votes', async (c) => {
      const caller = await callerOf(deps, c);
      const voter = requireParticipant(caller, 'vote');
      const { cardId } = await parseBody(c, voteBody);
      return c.json(await deps.rounds.cast(caller.workshop.id, c.req.param('rid'), voter, cardId));
    })
    .delete('/:id/rounds/:rid/votes/:cardId', async (c) => {
      const caller = await callerOf(deps, c);
      const voter = requireParticipant(caller, 'vote');
      return c.json(await deps.rounds.takeBack(caller.workshop.id, c.req.param('rid'), voter, c.req.param('cardId')));
    });
