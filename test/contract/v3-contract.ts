/**
 * The vendor's v3 Enterprise API contract, for the endpoints the client calls. Paths are served
 * under `/v3/` (current pages) or `/v3beta1/` (older pages); the contract is the same.
 *
 * Sources (summarised with their [Rn] in /work/shared/reference/devin-api-v3.md):
 * - Sessions: https://docs.devin.ai/api-reference/v3/sessions/enterprise-sessions.md [R1],
 *   https://docs.devin.ai/zh/api-reference/v3/sessions/organizations-sessions [R3] (types),
 *   https://docs.devin.ai/zh/api-reference/v3/sessions/post-organizations-sessions-archive [R4]
 *   (SessionResponse), and the generated SDK github.com/iancmoritz/devin-platform-python
 *   src/devin_platform/types/enterprise/session_list_params.py (after, first, created_after,
 *   created_before, updated_after, updated_before, org_ids, user_ids, service_user_ids,
 *   session_ids, tags, origins, playbook_id, schedule_id: integers are Unix seconds).
 * - Pagination: https://docs.devin.ai/api-reference/concepts/pagination [R8] (`first` 1..200,
 *   `after`; `items`, `end_cursor`, `has_next_page`, `total` which may be omitted).
 * - Daily consumption (enterprise, organizations/{org_id}, users/{user_id},
 *   service-users/{service_user_id}, sessions/{session_id}):
 *   https://docs.devin.ai/zh/api-reference/v3/consumption/consumption-daily [R9][R10], [R11]-[R16],
 *   SDK types/enterprise/consumption/daily_get_*_params.py (time_before, time_after: integer | null);
 *   session ids in paths carry the `devin-` prefix [R21][R30b].
 * - Cycles: https://docs.devin.ai/api-reference/v3/consumption/consumption-cycles.md [R17][R18].
 * - Members: https://docs.devin.ai/api-reference/v3/users/members-users.md [R27] (after, first, email),
 *   https://docs.devin.ai/zh/api-reference/v3/users/members-idp-users [R29].
 * - Service users: https://docs.devin.ai/ja/api-reference/v3/service-users/members-service-users.md
 *   [R31] (include_inactive, default false) and SDK types/enterprise/members/service_user.py
 *   (service_user_id, name, expires_at: int | None, role_assignments).
 * - Organizations: https://docs.devin.ai/api-reference/v3/organizations/organizations.md [R33][R34].
 * - Session metrics: SDK types/enterprise/metric_get_session_metrics_params.py (time_after,
 *   time_before required; org_ids, user_ids, service_user_ids, playbook_id) and
 *   https://docs.devin.ai/sdk/api/DevinApi/interfaces/SessionMetricsResponse.md [R24].
 */
import { z } from 'zod';
import {
  cursorPaging,
  flag,
  type QueryContract,
  required,
  text,
  texts,
  unixSeconds,
} from './query-contract.js';

const seconds = z.int().nonnegative();
const acus = z.number().nonnegative();

/** The cursor envelope: `total` may be omitted (null) "for performance" [R8]. */
const cursorPage = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    end_cursor: z.string().nullable(),
    has_next_page: z.boolean(),
    total: z.int().nonnegative().nullish(),
  });

export const v3SessionsQuery: QueryContract = {
  ...cursorPaging,
  created_after: unixSeconds,
  created_before: unixSeconds,
  updated_after: unixSeconds,
  updated_before: unixSeconds,
  org_ids: texts,
  user_ids: texts,
  service_user_ids: texts,
  session_ids: texts,
  tags: texts,
  origins: texts,
  playbook_id: text,
  schedule_id: text,
  // SessionListParams in the generated SDKs (github.com/iancmoritz/devin-platform-typescript
  // src/resources/enterprise/sessions/sessions.ts): `include_deleted_orgs: bool`,
  // `is_archived: bool | null`.
  include_deleted_orgs: flag,
  is_archived: flag,
};

export const v3Session = z.strictObject({
  session_id: z.string().min(1),
  org_id: z.string().min(1),
  user_id: z.string().nullable(),
  service_user_id: z.string().nullable(),
  created_at: seconds,
  updated_at: seconds,
  acus_consumed: acus,
  status: z.enum(['new', 'claimed', 'running', 'exit', 'error', 'suspended', 'resuming']),
  status_detail: z.string().nullable(),
  tags: z.array(z.string()),
  url: z.string(),
  title: z.string().nullable(),
  pull_requests: z.array(z.strictObject({ pr_url: z.string(), pr_state: z.string().nullable() })),
  parent_session_id: z.string().nullable(),
  child_session_ids: z.array(z.string()).nullable(),
  is_archived: z.boolean(),
  is_advanced: z.boolean(),
  origin: z
    .enum([
      'api',
      'automation',
      'cli',
      'code_scan',
      'desktop',
      'jira',
      'linear',
      'other',
      'slack',
      'teams',
      'webapp',
    ])
    .nullable(),
});

export const v3SessionsPage = cursorPage(v3Session);

export const v3DailyQuery: QueryContract = { time_before: unixSeconds, time_after: unixSeconds };

export const v3Daily = z.strictObject({
  total_acus: acus,
  consumption_by_date: z.array(
    z.strictObject({
      date: seconds,
      acus,
      acus_by_product: z.strictObject({
        devin: acus,
        cascade: acus,
        terminal: acus,
        review: acus.optional(),
      }),
    }),
  ),
});

export const v3CyclesQuery: QueryContract = { ...cursorPaging };

export const v3CyclesPage = cursorPage(z.strictObject({ after: seconds, before: seconds }));

const role = z.strictObject({ role_id: z.string(), role_name: z.string(), role_type: z.string() });

export const v3UsersQuery: QueryContract = { ...cursorPaging, email: text };

export const v3UsersPage = cursorPage(
  z.strictObject({
    user_id: z.string().min(1),
    email: z.string().nullable(),
    name: z.string().nullable(),
    role_assignments: z.array(z.strictObject({ role, org_id: z.string().nullable() })),
  }),
);

export const v3IdpUsersQuery: QueryContract = { ...cursorPaging };

export const v3IdpUsersPage = cursorPage(
  z.strictObject({
    user_id: z.string().min(1),
    email: z.string().nullable(),
    name: z.string().nullable(),
    idp_role_assignments: z.array(
      z.strictObject({ idp_group_name: z.string(), role, org_id: z.string().nullable() }),
    ),
  }),
);

export const v3ServiceUsersQuery: QueryContract = { ...cursorPaging, include_inactive: flag };

export const v3ServiceUsersPage = cursorPage(
  z.strictObject({
    service_user_id: z.string().startsWith('service-user-'),
    name: z.string(),
    expires_at: seconds.nullable(),
    role_assignments: z.array(z.strictObject({ role, org_id: z.string().nullable() })),
  }),
);

export const v3OrganizationsQuery: QueryContract = { ...cursorPaging };

export const v3OrganizationsPage = cursorPage(
  z.strictObject({
    org_id: z.string().min(1),
    name: z.string(),
    created_at: seconds,
    updated_at: seconds,
    max_cycle_acu_limit: z.int().nullable(),
    max_session_acu_limit: z.int().nullable(),
  }),
);

export const v3SessionMetricsQuery: QueryContract = {
  time_after: required(unixSeconds),
  time_before: required(unixSeconds),
  org_ids: texts,
  user_ids: texts,
  service_user_ids: texts,
  playbook_id: text,
};

/** Only the count the client reads is pinned; the response has many more fields [R24]. */
export const v3SessionMetrics = z.looseObject({ sessions_created_count: z.int().nonnegative() });
