import { z } from 'zod';
import { DevinApiError } from '../devin-api-error.js';
import { appendListFilter } from '../list-filter.js';
import { dataErrorOf } from '../parse-record.js';
import type { SessionQuery } from '../session-query.js';
import { V3_SESSIONS_ROUTE, windowParams } from './fetch-sessions-v3.js';
import { appendPrincipals } from './session-principals.js';
import type { V3Paths } from './v3-paths.js';
import { parseCursorPage } from './wire-cursor-page.js';

export const V3_SESSION_METRICS_ROUTE = '/enterprise/metrics/sessions';

const metricsSchema = z.object({ sessions_created_count: z.int().nonnegative() });

/**
 * How many sessions the listing of `query` will hold, for planning: the `total` of a one-item
 * page when the listing gives one (the vendor says some endpoints leave it out), else the
 * session metrics' `sessions_created_count` for the same seconds. Metrics take no tag filter, so
 * with tags that count is of every session in the period: an over-estimate, which errs towards
 * the distributed path, never away from it. When the metrics are refused (they need
 * `ViewAccountMetrics`), the count is 0 with a warning naming the permission: planning only.
 */
export async function countSessionsV3(
  paths: V3Paths,
  query: SessionQuery,
  onWarning: (message: string) => void,
): Promise<number> {
  if (!(query.from.getTime() < query.to.getTime())) {
    throw new RangeError(
      `session query period is empty: from ${query.from.toISOString()} is not before to ${query.to.toISOString()}`,
    );
  }
  const params = windowParams(query, query);
  params.set('first', '1');
  const page = parseCursorPage(await paths.get(V3_SESSIONS_ROUTE, params), 'session', (item) => item);
  if (page.total !== null) return page.total;

  const metrics = new URLSearchParams({
    time_after: String(Math.floor(query.from.getTime() / 1000)),
    time_before: String(Math.ceil(query.to.getTime() / 1000)),
  });
  // A filter of several values is left out (list-filter.ts): the count, a plan, can only grow.
  appendListFilter(metrics, 'org_ids', query.orgIds);
  appendPrincipals(metrics, query.userIds);
  let json: unknown;
  try {
    json = await paths.get(V3_SESSION_METRICS_ROUTE, metrics);
  } catch (error) {
    // Only a count for planning, which a billing-only role may not read (ViewAccountMetrics):
    // the run goes on in this invocation, as for a small month, and the log says why.
    if (
      !(error instanceof DevinApiError) ||
      error.status === null ||
      error.status < 400 ||
      error.status >= 500
    )
      throw error;
    onWarning(`session count unavailable, the run is planned as one invocation: ${error.message}`);
    return 0;
  }
  const parsed = metricsSchema.safeParse(json);
  if (!parsed.success) throw dataErrorOf(parsed.error, json, 'session metrics', null);
  return parsed.data.sessions_created_count;
}
