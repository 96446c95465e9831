/**
 * A route's description, written beside the route: what it does, who may call it, the body and
 * query it reads, and the answers it gives. It is a no-op middleware placed before the handler
 * (`.post(path, open, handler)`), which the API document (document.ts) finds in the app's routes.
 *
 * The route reads its body and query THROUGH its description (`open.body(c)`, `open.query(c)`),
 * so the zod schema a request is checked against is the schema the document shows: one source.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { parseBody } from '../caller.ts';
import { badRequest } from '../errors.ts';

/** Who may call a route; each kind brings its security requirement and its 401/403 answers. */
export const Callers = {
  /** Anyone: no token. */
  open: 'open',
  /** Any token of the workshop (a facilitator's, a delegate's, an observer's, or a personal one). */
  token: 'token',
  /** A facilitator's token only. */
  facilitator: 'facilitator',
  /** After the workshop: a follow-up link (a city's, or the read-only outcomes link), or any token of the workshop. */
  followUp: 'follow-up',
  /** A personal token of a participant a facilitator confirmed for a city. */
  participant: 'participant',
  /** The organiser: `Authorization: Bearer <ORGANIZER_KEY>`, or the local network when no key is set. */
  organiser: 'organiser',
  /** A Prometheus: `Authorization: Bearer <METRICS_TOKEN>`, or this machine when no token is set. */
  metrics: 'metrics'
} as const;
export type Callers = (typeof Callers)[keyof typeof Callers];

/** A success answer: its description, and its media types when it is not JSON. */
export type Answer = string | { description: string; mediaTypes: readonly string[] };

/** The error statuses a route can give, each with when; 400/401/403/413 are added from the callers and the body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 501 | 503;

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType> {
  summary: string;
  description?: string;
  /** The resource the route belongs to (the document groups routes by it). */
  tag: string;
  callers: Callers;
  /** The JSON body, read with `body(c)`. */
  body?: B;
  /** The query string, read with `query(c)`. */
  query?: Q;
  /** Path parameters worth more than "a string": their schema and description. */
  params?: Record<string, z.ZodType>;
  /** Answers other than the shared error body: success, and the odd status with a body of its own. */
  answers: Partial<Record<number, Answer>>;
  errors?: Partial<Record<ErrorStatus, string>>;
}

export const ROUTE_SPEC = Symbol('route description');

export interface DescribedRoute<B extends z.ZodType, Q extends z.ZodType> extends MiddlewareHandler {
  readonly [ROUTE_SPEC]: RouteSpec<z.ZodType, z.ZodType>;
  /** The body checked against the described schema; 400 naming the first bad field. */
  body(c: Context): Promise<z.output<B>>;
  /** The query checked against the described schema; 400 naming the first bad parameter. */
  query(c: Context): z.output<Q>;
}

export const describeRoute = <B extends z.ZodType = z.ZodNever, Q extends z.ZodType = z.ZodNever>(spec: RouteSpec<B, Q>): DescribedRoute<B, Q> => {
  const middleware: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  return Object.assign(middleware, {
    [ROUTE_SPEC]: spec as RouteSpec<z.ZodType, z.ZodType>,
    body: (c: Context) => {
      if (!spec.body) throw new Error(`${spec.summary}: no body is described`);
      return parseBody(c, spec.body);
    },
    query: (c: Context) => {
      if (!spec.query) throw new Error(`${spec.summary}: no query is described`);
      return readQuery(c, spec.query);
    }
  });
};

/**
 * The query checked against `schema`; 400 naming the first bad parameter. For a query several
 * routes share: give the same schema to each route's description.
 */
export const readQuery = <Q extends z.ZodType>(c: Context, schema: Q): z.output<Q> => {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw badRequest(parsed.error.issues);
  return parsed.data;
};

/** The description a route handler carries, if it is one. */
export const specOf = (handler: unknown): RouteSpec<z.ZodType, z.ZodType> | undefined =>
  typeof handler === 'function' ? (handler as Partial<DescribedRoute<z.ZodType, z.ZodType>>)[ROUTE_SPEC] : undefined;
