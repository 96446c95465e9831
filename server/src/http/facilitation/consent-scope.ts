/**
 * PUT /workshops/:id/consent-scope — a facilitator chooses whose consent every action of the
 * workshop needs: the cities it involves (`involved`, the default) or every city (`workshop`).
 * Answers already given are kept; the verdicts follow the new scope at once.
 */
import { Hono } from 'hono';
import { writeConsentScope, type ConsentScope } from '@plenary/shared/control';
import { consentScopeBody } from '@plenary/shared/control/schemas';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerOf, requireFacilitator, type FacilitationDeps } from './context.ts';

const chooseScope = describeRoute({
  tag: 'consent',
  summary: "Choose whose consent the workshop's actions need",
  description:
    'The cities each action involves (`involved`, the default) or every city (`workshop`). Answers given are kept; verdicts follow the new scope at once.',
  callers: Callers.facilitator,
  body: consentScopeBody,
  answers: { 200: '`{ scope }`.' }
});

export const consentScopeRoutes = (deps: FacilitationDeps) =>
  new Hono().put('/:id/consent-scope', chooseScope, async (c) => {
    const caller = await callerOf(deps, c);
    requireFacilitator(caller, 'choose whose consent actions need');
    const { scope } = await chooseScope.body(c);
    await deps.control.withControl(caller.workshop.id, (doc) => writeConsentScope(doc, scope as ConsentScope));
    return c.json({ scope });
  });
