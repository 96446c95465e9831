/**
 * …/rounds/:rid/votes — a participant votes, takes a vote back, and reads their own votes. Nobody
 * can read anyone else's: there is no such endpoint, and ballots never enter a shared document.
 */
import { Hono } from 'hono';
import { voteBody } from '@plenary/shared/control/schemas';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerOf, requireParticipant, type FacilitationDeps } from './context.ts';

const NO_ROUND = 'No such round in this workshop (`field`: roundId).';

const mine = describeRoute({
  tag: 'voting',
  summary: "The caller's own votes in a round",
  description: "Nobody can read anyone else's: there is no such route.",
  callers: Callers.participant,
  answers: { 200: '`{ votes, left }`: card ids, one per vote, and the votes left.' },
  errors: { 404: NO_ROUND }
});
const cast = describeRoute({
  tag: 'voting',
  summary: 'Put a vote on a card',
  callers: Callers.participant,
  body: voteBody,
  answers: { 200: '`{ votes, left }`.' },
  errors: { 400: "No such card on the round's board.", 404: NO_ROUND, 409: 'The round is closed, the card is not in its lane, or no votes are left.' }
});
const takeBack = describeRoute({
  tag: 'voting',
  summary: 'Take a vote back from a card',
  callers: Callers.participant,
  answers: { 200: '`{ votes, left }`.' },
  errors: { 404: NO_ROUND, 409: 'The round is closed, or the caller has no vote on this card.' }
});

export const voteRoutes = (deps: FacilitationDeps) =>
  new Hono()
    .get('/:id/rounds/:rid/votes/mine', mine, async (c) => {
      const caller = await callerOf(deps, c);
      const voter = requireParticipant(caller, 'vote');
      return c.json(await deps.rounds.mine(caller.workshop.id, c.req.param('rid'), voter));
    })
    .post('/:id/rounds/:rid/votes', cast, async (c) => {
      const caller = await callerOf(deps, c);
      const voter = requireParticipant(caller, 'vote');
      const { cardId } = await cast.body(c);
      return c.json(await deps.rounds.cast(caller.workshop.id, c.req.param('rid'), voter, cardId));
    })
    .delete('/:id/rounds/:rid/votes/:cardId', takeBack, async (c) => {
      const caller = await callerOf(deps, c);
      const voter = requireParticipant(caller, 'vote');
      return c.json(await deps.rounds.takeBack(caller.workshop.id, c.req.param('rid'), voter, c.req.param('cardId')));
    });
