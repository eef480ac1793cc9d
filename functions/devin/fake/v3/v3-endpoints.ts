/**
 * The v3 enterprise paths the fake serves, without their version prefix. The vendor's current
 * pages put them under `/v3/`, older ones under `/v3beta1/`; the fake serves one prefix at a time.
 */
export const V3_PREFIXES = ['v3', 'v3beta1'] as const;
export type V3Prefix = (typeof V3_PREFIXES)[number];

export const V3_SESSIONS = '/enterprise/sessions';
export const V3_MEMBERS_USERS = '/enterprise/members/users';
export const V3_MEMBERS_IDP_USERS = '/enterprise/members/idp-users';
export const V3_MEMBERS_SERVICE_USERS = '/enterprise/members/service-users';
export const V3_ORGANIZATIONS = '/enterprise/organizations';
export const V3_CONSUMPTION_DAILY = '/enterprise/consumption/daily';
export const V3_CONSUMPTION_CYCLES = '/enterprise/consumption/cycles';
export const V3_METRICS_SESSIONS = '/enterprise/metrics/sessions';

/** `/v3/enterprise/sessions` → `/enterprise/sessions` when served under `prefix`, else null. */
export function v3Route(path: string, prefix: V3Prefix): string | null {
  const head = `/${prefix}/`;
  return path.startsWith(head) ? path.slice(head.length - 1) : null;
}

/** True for a path under any v3 prefix, served or not. */
export function isV3Path(path: string): boolean {
  return V3_PREFIXES.some((prefix) => path.startsWith(`/${prefix}/`));
}
