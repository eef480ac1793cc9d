import { z } from 'zod';
import { acusFromNumber, ZERO_ACUS } from '#core/money/acus.js';
import { RUNNING_FINISHED } from '#core/report/settled.js';
import type { PullRequest, Session } from '#core/session.js';
import { parseRecord } from '../parse-record.js';
import { ValuePool } from '../value-pool.js';
import { wireSessionAcus } from '../wire-acus.js';

/**
 * Unix seconds (devin-api-v3.md §0). A value past the year 5000 is almost certainly
 * milliseconds: refusing it beats a report dated in the far future.
 */
export const wireUnixSeconds = z
  .int('must be whole Unix seconds')
  .nonnegative('must not be negative')
  .max(100_000_000_000, 'looks like milliseconds, not Unix seconds')
  .transform((seconds) => new Date(seconds * 1000));

const wirePullRequestV3 = z.union([
  z.object({ pr_url: z.string(), pr_state: z.string().nullish() }),
  z.object({ url: z.string(), state: z.string().nullish() }),
]);

/**
 * A `SessionResponse` of `GET /v3/enterprise/sessions`. What the report counts or groups by is
 * required; what it only shows may be null or absent; unknown fields are dropped.
 */
const wireSessionV3Schema = z.object({
  session_id: z.string().min(1),
  org_id: z.string().min(1),
  user_id: z.string().min(1).nullish(),
  service_user_id: z.string().min(1).nullish(),
  created_at: wireUnixSeconds,
  updated_at: wireUnixSeconds,
  // Documented as a required number; null is accepted as v2 sends it for sessions still starting.
  acus_consumed: wireSessionAcus,
  status: z.string(),
  // Optional in the SDK's SessionResponse; an unknown detail is data (kept out of the status).
  status_detail: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  pull_requests: z.array(wirePullRequestV3).nullish(),
});

type WireSessionV3 = z.output<typeof wireSessionV3Schema>;

const pool = new ValuePool();
const NO_PULL_REQUESTS: readonly PullRequest[] = Object.freeze([]);

/**
 * A v3 session as the report's Session. A person (`user_id`) is charged when there is one: the
 * docs say sessions created on a user's behalf count toward that user. Otherwise the service
 * user that started it is charged, marked as such so it is never shown as a person.
 */
export function sessionFromWireV3(item: unknown): Session {
  const wire: WireSessionV3 = parseRecord(wireSessionV3Schema, item, 'session', 'session_id');
  const pullRequests = wire.pull_requests ?? [];
  const userId = wire.user_id ?? null;
  const serviceUserId = userId === null ? (wire.service_user_id ?? null) : null;
  return {
    sessionId: wire.session_id,
    url: wire.url ?? null,
    status: pool.string(
      wire.status === 'running' && wire.status_detail === 'finished' ? RUNNING_FINISHED : wire.status,
    ),
    title: wire.title ?? '',
    tags: pool.list(wire.tags ?? []),
    orgId: pool.string(wire.org_id),
    userId:
      userId !== null ? pool.string(userId) : serviceUserId === null ? null : pool.string(serviceUserId),
    ...(serviceUserId !== null && { userKind: 'service-user' as const }),
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
    acus: wire.acus_consumed === null ? ZERO_ACUS : acusFromNumber(wire.acus_consumed),
    acusReported: wire.acus_consumed !== null,
    pullRequests:
      pullRequests.length === 0
        ? NO_PULL_REQUESTS
        : pullRequests.map((pr) =>
            'pr_url' in pr
              ? { url: pr.pr_url, state: pr.pr_state ?? null }
              : { url: pr.url, state: pr.state ?? null },
          ),
  };
}
