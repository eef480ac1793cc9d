import * as z from 'zod/mini';
import type { LinkRequest } from './link-service.js';

/** The part of a Lambda Function URL event (payload format 2.0) the service reads. */
const functionUrlEvent = z.object({
  rawPath: z.string().check(z.maxLength(4096)),
  rawQueryString: z.optional(z.string()),
  headers: z.optional(z.record(z.string(), z.string())),
  requestContext: z.object({
    http: z.object({
      method: z.string().check(z.maxLength(32)),
      sourceIp: z.optional(z.string().check(z.maxLength(64))),
      userAgent: z.optional(z.string()),
    }),
  }),
});

/** A user agent longer than this is cut in the log: it is for reading, not for replaying. */
const USER_AGENT_LOGGED = 300;

/** Undefined for an event that is not a Function URL request. */
export function parseFunctionUrlEvent(event: unknown): LinkRequest | undefined {
  const parsed = functionUrlEvent.safeParse(event);
  if (!parsed.success) return undefined;
  const { rawPath, requestContext, headers } = parsed.data;
  const userAgent = requestContext.http.userAgent ?? headers?.['user-agent'] ?? '';
  return {
    method: requestContext.http.method.toUpperCase(),
    rawPath,
    sourceIp: requestContext.http.sourceIp ?? '',
    userAgent: userAgent.slice(0, USER_AGENT_LOGGED),
  };
}
