import { parseIsoInstant } from '../iso-instant.js';
import type { WireMember, WireOrganization, WireSession } from '../wire.js';

/** `SessionResponse` of `GET /v3/enterprise/sessions`, field for field (devin-api-v3.md §2). */
export interface WireSessionV3 {
  session_id: string;
  org_id: string;
  user_id: string | null;
  service_user_id: string | null;
  /** Unix seconds. */
  created_at: number;
  updated_at: number;
  /** A required number in the vendor's SessionResponse [R4]: never null on v3. */
  acus_consumed: number;
  status: string;
  status_detail: string | null;
  tags: string[];
  url: string;
  title: string | null;
  pull_requests: { pr_url: string; pr_state: string | null }[];
  parent_session_id: string | null;
  child_session_ids: string[] | null;
  is_archived: boolean;
  is_advanced: boolean;
  origin: string | null;
}

/** Whole Unix seconds of a wire instant: v3 has no fractions, so they are truncated. */
export function unixSeconds(iso: string): number {
  const ms = parseIsoInstant(iso);
  if (ms === null) throw new RangeError(`not an ISO instant: ${JSON.stringify(iso)}`);
  return Math.floor(ms / 1000);
}

/** The same session as v3 shows it: the data set is one, only the wire differs. */
export function toV3Session(
  session: WireSession,
  archived = false,
  statusDetail: string | null = null,
): WireSessionV3 {
  const serviceUserId = session.service_user_id ?? null;
  return {
    session_id: session.session_id,
    org_id: session.org_id,
    user_id: session.user_id,
    service_user_id: serviceUserId,
    created_at: unixSeconds(session.created_at),
    updated_at: unixSeconds(session.updated_at),
    // v2 sends null for a session still starting; v3 documents a required number, so it is 0.
    acus_consumed: session.acus_consumed ?? 0,
    status: session.status,
    status_detail: statusDetail,
    tags: session.tags,
    url: session.url,
    title: session.title,
    pull_requests: session.pull_requests.map((pr) =>
      'pr_url' in pr ? { pr_url: pr.pr_url, pr_state: pr.pr_state } : { pr_url: pr.url, pr_state: pr.state },
    ),
    parent_session_id: null,
    child_session_ids: null,
    is_archived: archived,
    is_advanced: false,
    origin: serviceUserId === null ? 'webapp' : 'api',
  };
}

export function toV3User(member: WireMember): {
  user_id: string;
  email: string | null;
  name: string | null;
  role_assignments: { role: { role_id: string; role_name: string; role_type: string }; org_id: null }[];
} {
  return {
    user_id: member.user_id,
    email: member.email,
    name: member.name,
    role_assignments: [{ role: roleOf(member.enterprise_role), org_id: null }],
  };
}

export function toV3IdpUser(member: WireMember): {
  user_id: string;
  email: string | null;
  name: string | null;
  idp_role_assignments: { idp_group_name: string; role: ReturnType<typeof roleOf>; org_id: null }[];
} {
  return {
    user_id: member.user_id,
    email: member.email,
    name: member.name,
    idp_role_assignments: [
      { idp_group_name: 'engineering', role: roleOf(member.enterprise_role), org_id: null },
    ],
  };
}

export function toV3Organization(org: WireOrganization): {
  org_id: string;
  name: string;
  created_at: number;
  updated_at: number;
  max_cycle_acu_limit: number | null;
  max_session_acu_limit: number | null;
} {
  const created = unixSeconds(org.created_at);
  return {
    org_id: org.org_id,
    name: org.org_name,
    created_at: created,
    updated_at: created,
    max_cycle_acu_limit: org.max_cycle_acu_limit,
    max_session_acu_limit: null,
  };
}

function roleOf(role: string): { role_id: string; role_name: string; role_type: string } {
  return { role_id: `role-${role}`, role_name: role, role_type: 'enterprise' };
}
