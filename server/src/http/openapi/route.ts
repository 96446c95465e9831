/**
 * GET /api/openapi.json — the API document (OpenAPI 3.1) of this server, built from the app's own
 * routes the first time it is asked for (by then every route is registered) and kept.
 */
import { Hono } from 'hono';
import { buildApiDocument, type RouteEntry } from './document.ts';
import { Callers, describeRoute } from './describe.ts';

/**
 * The API has one version at a time: it is served together with the web app that calls it, and a
 * board's sync protocol carries its own version (docs/PROTOCOL.md).
 */
const API_VERSION = '1';

const DESCRIPTION = `The HTTP API of a Plenary server: workshops, joining, facilitation, voting, consent, saved versions and exports.

**Tokens.** A workshop's links carry a signed token per role (facilitator, delegate, observer); a person who registers or takes a seat gets a personal token. Send it as \`Authorization: Bearer <token>\` or as \`?token=\`. Any token that does not open the workshop asked about answers 401, whatever the reason, so ids cannot be probed.

**Errors.** Every refusal is JSON \`{ error, field? }\` (the \`Error\` schema): \`error\` says what went wrong, \`field\` names the request field at fault. 413 and 429 come from the limits every API route is under (body sizes, per-address rates; see docs/SECURITY.md); 429 and 503 carry \`Retry-After\`.

**Not in this document.** The board's live editing is a WebSocket, which OpenAPI cannot describe: \`GET /sync/{boardId}?token=…\` upgraded to the y-websocket protocol (Yjs sync and awareness), refused before the upgrade with 400/401/403/404 and closed later with named close codes; see docs/PROTOCOL.md. Every other GET outside /api is the web app (its files and its single-page shell), not an API.

An unexpected failure answers 500 \`{ error: "internal error" }\` on any route.`;

export const apiDocumentRoutes = (app: { routes: readonly RouteEntry[] }) => {
  let document: object | undefined;
  const described = describeRoute({
    tag: 'server',
    summary: 'This document',
    callers: Callers.open,
    answers: { 200: 'The OpenAPI 3.1 document of every API route.' }
  });
  return new Hono().get('/openapi.json', described, (c) => {
    document ??= buildApiDocument(app.routes, { title: 'Plenary HTTP API', version: API_VERSION, description: DESCRIPTION });
    return c.json(document);
  });
};
