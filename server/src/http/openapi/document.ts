/**
 * The OpenAPI 3.1 document of the HTTP API, built from the app's own routes: every route that
 * carries a description (describe.ts) is a path, with its path parameters read from the route's
 * pattern, its body and query as JSON Schema from the zod schemas the route validates with, its
 * security from who may call it, and its error answers with the one error body. Routes without a
 * description are left out, which tests/in-process/api-document.test.ts refuses for any /api route.
 */
import { findTargetHandler } from 'hono/utils/handler';
import { z } from 'zod';
import { errorBody } from '../errors.ts';
import { Callers, specOf, type Answer, type ErrorStatus, type RouteSpec } from './describe.ts';

type Json = Record<string, unknown>;
type Schema = Json;
interface Operation extends Json {
  responses: Record<string, Json>;
}

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
}

/** The routes of a Hono app (`app.routes`). */
export interface RouteEntry {
  method: string;
  path: string;
  handler: unknown;
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const JSON_TYPE = 'application/json';

const TOKEN_SECURITY = [{ workshopToken: [] }, { workshopTokenQuery: [] }];
const NO_ACCESS =
  'No token, or one that does not open this workshop (forged, expired, re-issued, of another workshop), or the id names nothing: all answer alike, so ids cannot be probed.';

const SECURITY_SCHEMES = {
  workshopToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      "A workshop link's token (facilitator, delegate or observer), a personal token (a seat link, a registration), or, after the workshop, a follow-up link's (a city's, or the read-only outcomes link), on the follow-up routes only."
  },
  workshopTokenQuery: { type: 'apiKey', in: 'query', name: 'token', description: 'The same token as `?token=`, as board links carry it.' },
  organizerKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'ORGANIZER_KEY. Without it set, workshops are created from the local network only, with no key.'
  },
  metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN. Without it set, /metrics answers this machine only.' }
} as const;

/** What each kind of caller brings: the security requirement, and the refusals it can meet. */
const CALLERS: Record<Callers, { security: Json[]; errors: Partial<Record<ErrorStatus, string>> }> = {
  [Callers.open]: { security: [], errors: {} },
  [Callers.token]: { security: TOKEN_SECURITY, errors: { 401: NO_ACCESS } },
  [Callers.facilitator]: { security: TOKEN_SECURITY, errors: { 401: NO_ACCESS, 403: "The token is not a facilitator's." } },
  [Callers.followUp]: { security: TOKEN_SECURITY, errors: { 401: NO_ACCESS } },
  [Callers.participant]: {
    security: TOKEN_SECURITY,
    errors: {
      401: NO_ACCESS,
      403: 'The caller is not a participant a facilitator confirmed for a city: an observer, a shared link, a request still waiting, turned down or removed.'
    }
  },
  [Callers.organiser]: {
    security: [{ organizerKey: [] }, {}],
    errors: {
      401: 'ORGANIZER_KEY is set and the request does not carry it.',
      403: 'No ORGANIZER_KEY is set and the request comes from outside the local network.',
      429: 'Too many workshops created from this address this hour (Retry-After).'
    }
  },
  [Callers.metrics]: {
    security: [{ metricsToken: [] }, {}],
    errors: { 401: 'METRICS_TOKEN is set and the request does not carry it.', 403: 'No METRICS_TOKEN is set and the request comes from another machine.' }
  }
};

/** Path parameters every route names the same way. */
const PARAM_DESCRIPTIONS: Record<string, string> = {
  pid: "A participant's id.",
  rid: "A voting round's id.",
  vid: "A saved version's id.",
  boardId: "A board's id (the name of its Yjs document).",
  cardId: "A card's id.",
  code: 'The join code a delegate types (6 letters and digits).'
};

/** A zod schema as the JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of what a client sends. */
export const jsonSchemaOf = (schema: z.ZodType): Schema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Schema;
  return rest;
};

/** `/api/boards/:id/:file{export\.[^/]+}` → `/api/boards/{id}/{file}`, with each parameter's pattern. */
export const openApiPath = (honoPath: string): { path: string; params: Array<{ name: string; pattern?: string }> } => {
  const params: Array<{ name: string; pattern?: string }> = [];
  let path = '';
  for (let i = 0; i < honoPath.length; i++) {
    if (honoPath[i] !== ':' || honoPath[i - 1] !== '/') {
      path += honoPath[i];
      continue;
    }
    const name = /^[A-Za-z0-9_]+/.exec(honoPath.slice(i + 1))![0];
    i += name.length;
    let pattern: string | undefined;
    if (honoPath[i + 1] === '{') {
      // The pattern may hold braces of its own ({1,8}): read to the brace that closes it.
      let depth = 0;
      const start = i + 2;
      for (i = i + 1; i < honoPath.length; i++) {
        if (honoPath[i] === '{') depth++;
        else if (honoPath[i] === '}' && --depth === 0) break;
      }
      pattern = honoPath.slice(start, i);
    }
    params.push(pattern === undefined ? { name } : { name, pattern });
    path += `{${name}}`;
  }
  return { path, params };
};

const idDescription = (path: string): string => (path.startsWith('/api/boards/') ? "The board's id (the name of its Yjs document)." : "The workshop's id.");

const parametersOf = (honoPath: string, spec: RouteSpec<z.ZodType, z.ZodType>): Json[] => {
  const { path, params } = openApiPath(honoPath);
  const inPath = params.map(({ name, pattern }) => {
    const described = spec.params?.[name];
    const schema = described ? jsonSchemaOf(described) : { type: 'string', ...(pattern ? { pattern: `^${pattern}$` } : {}) };
    const description = (schema.description as string | undefined) ?? PARAM_DESCRIPTIONS[name] ?? (name === 'id' ? idDescription(path) : undefined);
    delete schema.description;
    return { name, in: 'path', required: true, schema, ...(description ? { description } : {}) };
  });
  if (!spec.query) return inPath;
  const query = jsonSchemaOf(spec.query) as { properties?: Record<string, Schema>; required?: string[] };
  const inQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: 'query', required: query.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) };
  });
  return [...inPath, ...inQuery];
};

const answerOf = (answer: Answer): Json => {
  const { description, mediaTypes } = typeof answer === 'string' ? { description: answer, mediaTypes: [JSON_TYPE] } : answer;
  return { description, content: Object.fromEntries(mediaTypes.map((type) => [type, {}])) };
};

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds until trying again can succeed.', schema: { type: 'integer' } } };

/** Every error a route can give: from who may call it, its body and query, and its own. */
const errorsOf = (spec: RouteSpec<z.ZodType, z.ZodType>): Partial<Record<ErrorStatus, string>> => {
  const from: Array<Partial<Record<ErrorStatus, string>>> = [
    CALLERS[spec.callers].errors,
    spec.body
      ? { 400: 'The body is not JSON or does not match its schema; `field` names the first bad field.', 413: "The body is larger than the route's limit." }
      : {},
    spec.query ? { 400: 'A query parameter does not match its schema; `field` names it.' } : {},
    spec.errors ?? {}
  ];
  const merged: Partial<Record<ErrorStatus, string>> = {};
  for (const part of from) {
    for (const [status, text] of Object.entries(part) as Array<[`${ErrorStatus}`, string]>) {
      const key = Number(status) as ErrorStatus;
      merged[key] = merged[key] ? `${merged[key]} ${text}` : text;
    }
  }
  return merged;
};

const operationOf = (honoPath: string, spec: RouteSpec<z.ZodType, z.ZodType>): Operation => {
  const responses: Record<string, Json> = {};
  for (const [status, answer] of Object.entries(spec.answers)) if (answer) responses[status] = answerOf(answer);
  for (const [status, description] of Object.entries(errorsOf(spec))) {
    if (responses[status]) continue;
    responses[status] = {
      description,
      ...(status === '429' || status === '503' ? { headers: RETRY_AFTER } : {}),
      content: { [JSON_TYPE]: { schema: ERROR_REF } }
    };
  }
  const parameters = parametersOf(honoPath, spec);
  return {
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    security: CALLERS[spec.callers].security,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { [JSON_TYPE]: { schema: jsonSchemaOf(spec.body) } } } } : {}),
    responses
  };
};

/**
 * The document of every described route among `routes`. Middleware (method ALL) and routes
 * without a description have no operation.
 */
export const buildApiDocument = (routes: readonly RouteEntry[], info: DocumentInfo): Json => {
  const paths: Record<string, Record<string, Operation>> = {};
  const tags = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL') continue;
    const spec = specOf(findTargetHandler(route.handler as Parameters<typeof findTargetHandler>[0]));
    if (!spec) continue;
    const { path } = openApiPath(route.path);
    const method = route.method.toLowerCase();
    paths[path] ??= {};
    if (paths[path][method]) throw new Error(`${route.method} ${route.path} is described twice`);
    paths[path][method] = operationOf(route.path, spec);
    tags.add(spec.tag);
  }
  return {
    openapi: '3.1.0',
    info,
    tags: [...tags].map((name) => ({ name })),
    paths,
    components: { schemas: { Error: jsonSchemaOf(errorBody) }, securitySchemes: SECURITY_SCHEMES }
  };
};
