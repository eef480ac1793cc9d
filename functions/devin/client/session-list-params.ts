import { appendListFilter } from './list-filter.js';
import { PAGE_LIMIT } from './page-params.js';
import type { SessionQuery } from './session-query.js';

/**
 * Query parameters of `GET /v2/enterprise/sessions` for every page of one read (the pager adds
 * `skip`).
 *
 * - The vendor documents `created_date_from` as "created after", which may be exclusive: the
 *   lower bound is sent one millisecond early so a session created exactly at `from` cannot be
 *   lost; the client's own [from, to) filter drops anything earlier.
 * - `created_date_to` pins the upper bound, so sessions created while the listing is read fall
 *   outside it and offset paging cannot shift under the reader.
 * - No `tags` and no `order`: the generated spec of the endpoint has neither (only an older
 *   hand-written page does) and FastAPI ignores unknown parameters, so the server may neither
 *   filter by tag nor sort. The client filters tags itself (`SessionCollector`) and never relies
 *   on the order.
 * - A list filter goes only when it has one value (list-filter.ts: the vendor's sources disagree
 *   on how arrays are encoded); the collector re-applies every filter to what arrives.
 */
export function sessionListParams(query: SessionQuery): URLSearchParams {
  assertValidPeriod(query);
  const params = new URLSearchParams({
    created_date_from: new Date(query.from.getTime() - 1).toISOString(),
    created_date_to: query.to.toISOString(),
    limit: String(PAGE_LIMIT),
  });
  appendListFilter(params, 'org_ids', query.orgIds);
  appendListFilter(params, 'user_ids', query.userIds);
  appendListFilter(params, 'session_ids', query.sessionIds);
  return params;
}

function assertValidPeriod(query: SessionQuery): void {
  const from = query.from.getTime();
  const to = query.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to))
    throw new RangeError('session query period has an invalid date');
  if (from >= to) {
    throw new RangeError(
      `session query period is empty: from ${query.from.toISOString()} is not before to ${query.to.toISOString()}`,
    );
  }
}
