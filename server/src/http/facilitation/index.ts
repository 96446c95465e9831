/**
 * The facilitation API, mounted at /api: one small sub-app per resource under
 * /workshops/:id/…, plus /time. Roles are enforced here (403 naming the reason); the control
 * document these actions write is read-only for every client.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { agendaRoutes } from './agenda.ts';
import { bannerRoutes } from './banner.ts';
import { consentRoutes } from './consent.ts';
import { consentScopeRoutes } from './consent-scope.ts';
import { followRoutes } from './follow.ts';
import { linkRoutes } from './links.ts';
import { lockRoutes } from './locks.ts';
import { participantRoutes } from './participants.ts';
import { peopleRoutes } from './people.ts';
import { roundRoutes } from './rounds.ts';
import { timeRoutes } from './time.ts';
import { timerRoutes } from './timers.ts';
import { voteRoutes } from './votes.ts';

export const facilitationRoutes = (deps: AppDeps) => {
  const resources = [
    participantRoutes,
    peopleRoutes,
    linkRoutes,
    bannerRoutes,
    timerRoutes,
    agendaRoutes,
    lockRoutes,
    followRoutes,
    roundRoutes,
    voteRoutes,
    consentRoutes,
    consentScopeRoutes
  ];
  const api = new Hono().route('/', timeRoutes());
  for (const routes of resources) api.route('/workshops', routes(deps));
  return api;
};
