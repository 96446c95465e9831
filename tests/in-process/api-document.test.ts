import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessApp, fromLoopback } from './support/app.ts';
import { buildApiDocument } from '@plenary/server/http/openapi/document.ts';
import { Callers, describeRoute } from '@plenary/server/http/openapi/describe.ts';

interface Operation {
  requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> };
  responses: Record<string, unknown>;
  security?: unknown[];
}
interface ApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

/** `METHOD /path/{param}` of a Hono route, written independently of the code under test. */
const keyOf = (method: string, honoPath: string): string => `${method} ${honoPath.replace(/:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, '{$1}')}`;
/** The web app's shell answers every other GET: a page, not an API (the document says so). */
const WEB_SHELL = new Set(['GET /*', 'GET *']);

const routesOf = (routes: ReadonlyArray<{ method: string; path: string }>): Set<string> =>
  new Set(routes.filter((r) => r.method !== 'ALL').map((r) => keyOf(r.method, r.path)));
const documentedOf = (doc: ApiDocument): Set<string> =>
  new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
/** What the app serves and the document lacks, and what the document lists and the app lacks. */
const compare = (routes: ReadonlyArray<{ method: string; path: string }>, doc: ApiDocument) => {
  const served = routesOf(routes);
  const documented = documentedOf(doc);
  return {
    undocumented: [...served].filter((r) => !documented.has(r) && !WEB_SHELL.has(r)).sort(),
    unserved: [...documented].filter((r) => !served.has(r)).sort()
  };
};

describe('the API document (in-process)', () => {
  const { app, close } = createInProcessApp('plenary-openapi-');
  const request = (url: string, init: RequestInit & { token?: string } = {}) =>
    app.request(
      url,
      { ...init, headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) } },
      fromLoopback
    );
  let doc: ApiDocument;

  beforeAll(async () => {
    const res = await request('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as ApiDocument;
  });

  afterAll(async () => {
    await close();
  });

  it('lists every route the app registers (method and path), and no route the app lacks', () => {
    expect(compare(app.routes, doc)).toEqual({ undocumented: [], unserved: [] });
    // The routes the brief names are there, with their error answers.
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/workshops', '/api/join/{code}', '/healthz', '/metrics', '/api/openapi.json']));
    expect(Object.keys(doc.paths['/api/workshops/{id}/rounds']!.post!.responses).sort()).toEqual(['201', '400', '401', '403', '409', '413']);
  });

  it('would name a route added without a description', () => {
    const described = describeRoute({ tag: 't', summary: 'described', callers: Callers.open, answers: { 200: 'ok' } });
    const handler = () => new Response('ok');
    // What app.routes holds: one entry per handler, the description before the route's handler.
    const sample = {
      routes: [
        { method: 'GET', path: '/api/described/:id', handler: described },
        { method: 'GET', path: '/api/described/:id', handler },
        { method: 'POST', path: '/api/forgotten/:id', handler }
      ]
    };
    const sampleDoc = buildApiDocument(sample.routes, { title: 't', version: '1', description: 'd' }) as unknown as ApiDocument;
    expect(compare(sample.routes, sampleDoc)).toEqual({ undocumented: ['POST /api/forgotten/{id}'], unserved: [] });
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("refuses every documented body without its required fields, naming one of them; a body of the create route's required fields alone is accepted", async () => {
    const created = await request('/api/workshops', {
      method: 'POST',
      body: JSON.stringify({ title: 'Sister cities', themes: ['Environment'], cities: [{ en: 'Chiang Mai' }, { en: 'Hue' }] })
    });
    expect(created.status).toBe(201);
    const workshop = (await created.json()) as { id: string; boards: { id: string }[]; tokens: { facilitator: string } };
    const boardId = workshop.boards[0]!.id;
    // A facilitator who registered as a participant may also vote and answer for a city.
    const registered = await request(`/api/workshops/${workshop.id}/participants`, {
      method: 'POST',
      token: workshop.tokens.facilitator,
      body: JSON.stringify({ name: 'Ana', city: 'Chiang Mai' })
    });
    expect(registered.status).toBe(201);
    const { token } = (await registered.json()) as { token: string };
    const urlOf = (p: string) =>
      p
        .replace('{id}', p.startsWith('/api/boards/') ? boardId : workshop.id)
        .replace('{boardId}', boardId)
        .replace(/\{\w+\}/g, 'no-such-id');

    const withBodies = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => {
        const schema = op.requestBody?.content['application/json']?.schema;
        return schema?.required?.length ? [{ p, method, required: schema.required }] : [];
      })
    );
    expect(withBodies.length).toBeGreaterThanOrEqual(15);
    const answers = await Promise.all(
      withBodies.map(async ({ p, method, required }) => {
        const res = await request(urlOf(p), { method: method.toUpperCase(), token, body: '{}' });
        const { field } = (await res.json()) as { field?: string };
        return { route: `${method.toUpperCase()} ${p}`, status: res.status, namesARequiredField: field !== undefined && required.includes(field) };
      })
    );
    expect(answers.filter((a) => a.status !== 400 || !a.namesARequiredField)).toEqual([]);

    const create = doc.paths['/api/workshops']!.post!.requestBody!.content['application/json']!.schema;
    expect(create.required).toEqual(['title']);
    expect((await request('/api/workshops', { method: 'POST', body: JSON.stringify({ title: 'Only a title' }) })).status).toBe(201);
  });
});
