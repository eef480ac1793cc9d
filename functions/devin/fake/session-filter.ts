import type { QueryReader } from './query-reader.js';

/** What `GET /v2/enterprise/sessions` selects by, paging aside. */
export interface SessionFilter {
  /** Epoch ms bounds, all INCLUSIVE: the vendor does not document its bounds, and inclusive ones are the case that makes the client's own [from, to) filter matter. */
  readonly createdFrom: number | null;
  readonly createdTo: number | null;
  readonly updatedFrom: number | null;
  readonly updatedTo: number | null;
  readonly orgIds: readonly string[];
  readonly userIds: readonly string[];
  readonly sessionIds: readonly string[];
  /** A session matches when it has ANY of these tags. */
  readonly tags: readonly string[];
  /** By created_at, then session_id. */
  readonly order: 'asc' | 'desc';
}

/**
 * The v2 listing's filter. The generated spec of the endpoint (docs.devin.ai/api-reference/v2/
 * sessions, v2-openapi.yaml) has no `tags` and no `order`; only an older hand-written page
 * lists them. FastAPI ignores unknown query parameters, so the fake does too: it never filters
 * by tag and always answers oldest first (its own choice: the order is undocumented), whatever the request says.
 */
export function readSessionFilter(query: QueryReader): SessionFilter {
  return {
    createdFrom: query.instant('created_date_from'),
    createdTo: query.instant('created_date_to'),
    updatedFrom: query.instant('updated_date_from'),
    updatedTo: query.instant('updated_date_to'),
    orgIds: query.list('org_ids'),
    userIds: query.list('user_ids'),
    sessionIds: query.list('session_ids'),
    tags: [],
    order: 'asc',
  };
}

/** Equal for filters that select the same sessions in the same order, whatever the order of list values. */
export function sessionFilterKey(filter: SessionFilter): string {
  const sorted = (values: readonly string[]) => [...new Set(values)].sort();
  return JSON.stringify([
    filter.createdFrom,
    filter.createdTo,
    filter.updatedFrom,
    filter.updatedTo,
    sorted(filter.orgIds),
    sorted(filter.userIds),
    sorted(filter.sessionIds),
    sorted(filter.tags),
    filter.order,
  ]);
}
