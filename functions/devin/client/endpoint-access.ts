/**
 * Each endpoint the report reads, the permission the vendor names for it and what the report
 * loses without it: one table, printed by `--check-access`, quoted in 403 messages and restated
 * in docs/operations.md. The vendor's pages name the same right differently across doc versions
 * (devin-api-v3.md §1: current `.md` pages vs older rendered pages); both are given.
 */
export interface EndpointAccess {
  /** The route without version prefix for v3 (`/enterprise/sessions`), the full path for v2. */
  readonly route: string;
  /** e.g. `ViewAccountConsumption (older pages: ManageBilling)`. */
  readonly permission: string;
  /** What the report loses when the key may not call it. */
  readonly without: string;
}

const CONSUMPTION = 'ViewAccountConsumption (older pages: ManageBilling)';
const BILLING = 'ManageBilling (some translated pages: ViewAccountConsumption)';
const MEMBERSHIP = 'ViewAccountMembership (older pages: ManageAccountMembership)';

export const V3_ENDPOINT_ACCESS: readonly EndpointAccess[] = [
  {
    route: '/enterprise/sessions',
    permission: 'ViewAccountSessions',
    without: 'everything: no sessions, no report',
  },
  {
    route: '/enterprise/organizations',
    permission: 'ManageOrganizations',
    without: 'org names (IDs shown) and the orgs the bill is read for',
  },
  {
    route: '/enterprise/members/users',
    permission: MEMBERSHIP,
    without: 'names of people with a direct role (IDs shown)',
  },
  {
    route: '/enterprise/members/idp-users',
    permission: MEMBERSHIP,
    without: 'names of people who belong through IdP groups (IDs shown)',
  },
  {
    route: '/enterprise/members/service-users',
    permission: MEMBERSHIP,
    without: 'names of service users (IDs shown)',
  },
  {
    route: '/enterprise/consumption/daily',
    permission: CONSUMPTION,
    without: 'the bill: no reconciliation, and --cost-basis billed fails',
  },
  {
    route: '/enterprise/consumption/daily/organizations/{org_id}',
    permission: CONSUMPTION,
    without: 'the bill by org: no reconciliation',
  },
  {
    route: '/enterprise/consumption/daily/users/{user_id}',
    permission: BILLING,
    without: 'the bill by user (the bill is kept without it)',
  },
  {
    route: '/enterprise/consumption/daily/service-users/{service_user_id}',
    permission: 'ManageBilling',
    without: 'the bill by service user (the bill is kept without it)',
  },
  {
    route: '/enterprise/consumption/daily/sessions/{session_id}',
    permission: BILLING,
    without: 'the walk from session ACUs to the bill in numbers (given in words)',
  },
  {
    route: '/enterprise/consumption/cycles',
    permission: BILLING,
    without: 'billing-cycle periods (--cycle; alignment billing-cycle)',
  },
  {
    route: '/enterprise/metrics/sessions',
    permission: 'ViewAccountMetrics',
    without: 'the planning count when a listing omits its total (a warning; the run goes on)',
  },
];

const V2_ADMIN = 'personal key (apk_user_…) of an Enterprise Admin';

export const V2_ENDPOINT_ACCESS: readonly EndpointAccess[] = [
  { route: '/v2/enterprise/sessions', permission: V2_ADMIN, without: 'everything: no sessions, no report' },
  {
    route: '/v2/enterprise/consumption/daily',
    permission: V2_ADMIN,
    without: 'the bill: no reconciliation, and --cost-basis billed fails',
  },
  {
    route: '/v2/enterprise/consumption/cycles',
    permission: V2_ADMIN,
    without: 'billing-cycle periods (--cycle; alignment billing-cycle)',
  },
  { route: '/v2/enterprise/members', permission: V2_ADMIN, without: 'names of people (IDs shown)' },
  { route: '/v2/enterprise/organizations', permission: V2_ADMIN, without: 'org names (IDs shown)' },
];

/** The permission the vendor names for a v3 route family (`/enterprise/consumption/daily/users/{id}`). */
export function v3PermissionOf(family: string): string | null {
  const generic = family.replace(/\{[^}]+\}/g, '{}');
  return V3_ENDPOINT_ACCESS.find((e) => e.route.replace(/\{[^}]+\}/g, '{}') === generic)?.permission ?? null;
}
