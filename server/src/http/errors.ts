/** Errors answered as JSON `{ error, field? }` by the app's one onError handler. */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Refusal, RefusalKind } from '../lib/refusal.ts';

/** The body of every 4xx/5xx answer of the API (the OpenAPI document shows it as `Error`). */
export const errorBody = z.object({
  error: z.string().describe('What went wrong, in English; when a field is at fault it comes first ("title: must not be empty").'),
  field: z
    .string()
    .optional()
    .describe('The request field at fault (a body field as a dotted path, a path or query parameter, `body`, `token`, `authorization`).'),
  retryAfter: z.number().int().optional().describe('Seconds to wait before trying again (a full export queue; also sent as Retry-After).')
});
export type ErrorBody = z.infer<typeof errorBody>;

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly error: string,
    readonly field?: string
  ) {
    super(status, { message: error });
  }
}

/** The first problem of a failed zod parse, as a 400 naming the field. */
export const badRequest = (issues: z.core.$ZodIssue[]): ApiError => {
  const issue = issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  return new ApiError(400, issue ? `${field}: ${issue.message}` : 'invalid request', field);
};

const STATUS_OF_REFUSAL: Record<RefusalKind, ContentfulStatusCode> = {
  'not-found': 404,
  invalid: 400,
  conflict: 409,
  forbidden: 403,
  'too-many': 429
};

/** A service's refusal (lib/refusal.ts) as the HTTP error it answers. */
export const fromRefusal = (refusal: Refusal): ApiError => new ApiError(STATUS_OF_REFUSAL[refusal.kind], refusal.message, refusal.field);
