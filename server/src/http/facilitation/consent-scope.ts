/**
 * PUT /workshops/:id/consent-scope — a facilitator chooses whose consent every action of the
 * workshop needs: the cities it involves (`involved`, the default) or every city (`workshop`).
 * Answers already given are kept; the verdicts follow the new scope at once.
 */
import { Hono } from 'hono';
import { consentScopeBody, writeConsentScope, type ConsentScope } from '@plenary/shared/control';
import { callerOf, parseBody, requireFacilitator, type FacilitationDeps } from './context.ts';

export const consentScopeRoutes = (deps: FacilitationDeps) =>
  new Hono().put('/:id/consent-scope', async (c) => {
    const caller = await callerOf(deps, c);
    requireFacilitator(caller, 'choose whose consent actions need');
    const { scope } = await parseBody(c, consentScopeBody);
    await deps.control.withControl(caller.workshop.id, (doc) => writeConsentScope(doc, scope as ConsentScope));
    return c.json({ scope });
  });
