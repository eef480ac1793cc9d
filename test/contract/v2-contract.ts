/**
 * The vendor's v2 Enterprise API contract, for the endpoints the client calls.
 *
 * Sources (re-check the live pages when the vendor changes them):
 * - GET /v2/enterprise/sessions: https://docs.devin.ai/api-reference/v2/sessions (generated
 *   v2-openapi.yaml: skip, limit 1..200, created/updated date bounds, org_ids, user_ids,
 *   session_ids; NO tags and NO order, which only the older hand-written page
 *   /work/shared/reference/devin-enterprise-sessions-api.original.txt lists); response example
 *   restated in /work/shared/reference/devin-api.md.
 * - GET /v2/enterprise/consumption/daily: https://docs.devin.ai/api-reference/v2/consumption/daily-consumption.md
 *   ("start_date string<date-time> | null", "end_date string<date-time> | null", start, end,
 *   org_ids string[]; consumption_by_user optional; example
 *   start_date=2025-12-05T08:00:00Z&end_date=2026-01-05T08:00:00Z).
 * - GET /v2/enterprise/consumption/cycles: https://docs.devin.ai/api-reference/v2/consumption/consumption-cycles.md
 *   (a bare array of {start, end} date-times).
 * - GET /v2/enterprise/members, /v2/enterprise/organizations: https://docs.devin.ai/api-reference/v2/overview.md
 *   and devin-api.md "Neighbouring v2 endpoints" (skip, limit 1..200, email).
 */
import { z } from 'zod';
import { dateTime, offsetPaging, type QueryContract, text, texts } from './query-contract.js';

const isoDateTime = z.iso.datetime({ offset: true });
const day = z.iso.date();
const acus = z.number().nonnegative();

export const v2SessionsQuery: QueryContract = {
  ...offsetPaging,
  created_date_from: dateTime,
  created_date_to: dateTime,
  updated_date_from: dateTime,
  updated_date_to: dateTime,
  org_ids: texts,
  user_ids: texts,
  session_ids: texts,
};

/** The generated spec types a pull request `{url, state}`, the hand-written page `{pr_url, pr_state, state}`. */
const v2PullRequest = z.union([
  z.strictObject({ url: z.string(), state: z.string().nullish() }),
  z.strictObject({ pr_url: z.string(), pr_state: z.string().nullish(), state: z.string().nullish() }),
]);

export const v2Session = z.strictObject({
  session_id: z.string().min(1),
  url: z.string(),
  status: z.string(),
  title: z.string().nullish(),
  tags: z.array(z.string()),
  user_id: z.string().nullable(),
  org_id: z.string(),
  created_at: isoDateTime,
  updated_at: isoDateTime,
  // The docs show a number; a session still starting has none yet (null), as the v2 service answers.
  acus_consumed: acus.nullable(),
  pull_requests: z.array(v2PullRequest),
});

const v2Page = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    total: z.int().nonnegative(),
    skip: z.int().nonnegative(),
    limit: z.int().min(1).max(200),
    has_more: z.boolean(),
    next_cursor: z.int().nonnegative().nullish(),
  });

export const v2SessionsPage = v2Page(v2Session);

export const v2DailyQuery: QueryContract = {
  start_date: dateTime,
  end_date: dateTime,
  start: dateTime,
  end: dateTime,
  org_ids: texts,
};

export const v2Daily = z.strictObject({
  total_acus: acus,
  consumption_by_date: z.record(day, acus),
  consumption_by_org_id: z.record(z.string(), acus),
  consumption_by_user: z.record(z.string(), acus).optional(),
});

export const v2CyclesQuery: QueryContract = {};

/** One doc version shows `end` as `…T23:59:59Z` (inclusive), another as the next cycle's start. */
export const v2Cycles = z.array(z.strictObject({ start: isoDateTime, end: isoDateTime }));

export const v2MembersQuery: QueryContract = { ...offsetPaging, email: text };

export const v2MembersPage = v2Page(
  z.strictObject({
    user_id: z.string().min(1),
    email: z.string(),
    name: z.string().nullable(),
    enterprise_role: z.string(),
  }),
);

export const v2OrganizationsQuery: QueryContract = { ...offsetPaging };

export const v2OrganizationsPage = v2Page(
  z.strictObject({
    org_id: z.string().min(1),
    org_name: z.string(),
    created_at: isoDateTime,
    max_cycle_acu_limit: z.number().nullable(),
  }),
);
