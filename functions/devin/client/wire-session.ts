import { z } from 'zod';
import { acusFromNumber, ZERO_ACUS } from '#core/money/acus.js';
import type { PullRequest, Session } from '#core/session.js';
import { parseRecord } from './parse-record.js';
import { ValuePool } from './value-pool.js';
import { wireSessionAcus } from './wire-acus.js';
import { wireTimestamp } from './wire-timestamp.js';

// The hand-written docs show {pr_url, pr_state, state}; the generated OpenAPI spec says {url, state}.
const wirePullRequest = z.union([
  z.object({ pr_url: z.string(), pr_state: z.string().nullish(), state: z.string().nullish() }),
  z.object({ url: z.string(), state: z.string().nullish() }),
]);

/**
 * A session item of `GET /v2/enterprise/sessions`. What the report counts or groups by is
 * required; what it only displays may be null or absent. Unknown fields are dropped.
 */
export const wireSessionSchema = z.object({
  session_id: z.string().min(1),
  url: z.string().nullish(),
  // Any string: statuses the docs do not list yet are data, not errors.
  status: z.string(),
  title: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  user_id: z.string().nullish(),
  org_id: z.string().min(1),
  created_at: wireTimestamp,
  updated_at: wireTimestamp,
  // Present but null happens for sessions still starting; absent means the shape changed.
  acus_consumed: wireSessionAcus,
  pull_requests: z.array(wirePullRequest).nullish(),
});

type WireSession = z.output<typeof wireSessionSchema>;
type WirePullRequest = z.output<typeof wirePullRequest>;

const pool = new ValuePool();
const NO_PULL_REQUESTS: readonly PullRequest[] = Object.freeze([]);

export function sessionFromWire(item: unknown): Session {
  return toSession(parseRecord(wireSessionSchema, item, 'session', 'session_id'));
}

function toSession(wire: WireSession): Session {
  const pullRequests = wire.pull_requests ?? [];
  return {
    sessionId: wire.session_id,
    url: wire.url ?? null,
    status: pool.string(wire.status),
    title: wire.title ?? '',
    tags: pool.list(wire.tags ?? []),
    orgId: pool.string(wire.org_id),
    userId: wire.user_id == null ? null : pool.string(wire.user_id),
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
    acus: wire.acus_consumed === null ? ZERO_ACUS : acusFromNumber(wire.acus_consumed),
    acusReported: wire.acus_consumed !== null,
    pullRequests: pullRequests.length === 0 ? NO_PULL_REQUESTS : pullRequests.map(toPullRequest),
  };
}

function toPullRequest(wire: WirePullRequest): PullRequest {
  if ('pr_url' in wire) return { url: wire.pr_url, state: wire.pr_state ?? wire.state ?? null };
  return { url: wire.url, state: wire.state ?? null };
}
