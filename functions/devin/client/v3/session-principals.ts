/** The prefix v3 gives service-user ids (devin-api-v3.md §4): how a `--user` filter is routed. */
export const SERVICE_USER_ID_PREFIX = 'service-user-';

export function isServiceUserId(id: string): boolean {
  return id.startsWith(SERVICE_USER_ID_PREFIX);
}

/** Appends a principal filter: people under `user_ids`, service users under `service_user_ids`. */
export function appendPrincipals(params: URLSearchParams, ids: readonly string[] | undefined): void {
  for (const id of ids ?? []) params.append(isServiceUserId(id) ? 'service_user_ids' : 'user_ids', id);
}
