import { appendListFilter } from '../list-filter.js';

/** The prefix v3 gives service-user ids (devin-api-v3.md §4): how a `--user` filter is routed. */
export const SERVICE_USER_ID_PREFIX = 'service-user-';

export function isServiceUserId(id: string): boolean {
  return id.startsWith(SERVICE_USER_ID_PREFIX);
}

/**
 * Appends a principal filter: people under `user_ids`, service users under `service_user_ids`,
 * each only when it names one (list-filter.ts). A filter naming both kinds would match neither
 * on a server that ANDs its filters, so it is then left to the client as well.
 */
export function appendPrincipals(params: URLSearchParams, ids: readonly string[] | undefined): void {
  const all = ids ?? [];
  const people = all.filter((id) => !isServiceUserId(id));
  const services = all.filter(isServiceUserId);
  if (people.length > 0 && services.length > 0) return;
  appendListFilter(params, 'user_ids', people);
  appendListFilter(params, 'service_user_ids', services);
}
