/**
 * The vendor's JSON, field for field (snake_case), as the fake serves it.
 * Only the fake and tests build these; the client parses the same shapes with
 * its own schema, so a drift between the two shows up as a failing test.
 */

/** The shape the vendor's hand-written docs show. */
export interface WirePullRequestDocumented {
  pr_url: string;
  pr_state: string;
  state: string;
}

/** The shape the vendor's generated OpenAPI spec shows. */
export interface WirePullRequestOpenApi {
  url: string;
  state: string;
}

export type WirePullRequest = WirePullRequestDocumented | WirePullRequestOpenApi;

export interface WireSession {
  session_id: string;
  url: string;
  status: string;
  title: string;
  tags: string[];
  /** Null for sessions the API attributes to no user (the core's Session allows it). */
  user_id: string | null;
  org_id: string;
  /** ISO 8601 in UTC with 'Z', e.g. "2024-01-15T10:30:00Z". */
  created_at: string;
  updated_at: string;
  acus_consumed: number | null;
  pull_requests: WirePullRequest[];
  /** Set when a service user (automation) started it; v2 shows such a session with no user. */
  service_user_id?: string | null;
}

export interface WireMember {
  user_id: string;
  email: string;
  name: string | null;
  enterprise_role: string;
  /** A member through an identity-provider group only: v3 lists them under /members/idp-users alone. */
  idp_only?: boolean;
}

export interface WireOrganization {
  org_id: string;
  org_name: string;
  created_at: string;
  max_cycle_acu_limit: number | null;
}

export interface FakeDataset {
  sessions: WireSession[];
  members: WireMember[];
  organizations: WireOrganization[];
  /**
   * ACUs of products that are not sessions (the vendor names Cascade and Terminal), by billing
   * day (YYYY-MM-DD, the day starting 08:00 UTC), at most 6 decimals. They belong to no org and
   * no user. Absent: none.
   */
  nonSessionAcus?: Record<string, number>;
  /**
   * A person's use of products that are not sessions (Cascade, Terminal), by user id, then billing
   * day: billed in the enterprise total and in that user's own bill (v3 per-user, v2
   * `consumption_by_user`), in no org. A user may have only this, and no session. Absent: none.
   */
  nonSessionAcusByUser?: Record<string, Record<string, number>>;
  /** What `GET /v2/enterprise/consumption/cycles` lists. Absent: an empty list. */
  billingCycles?: WireBillingCycle[];
  /** What `GET /v3/enterprise/members/service-users` lists. Absent: none. */
  serviceUsers?: WireServiceUser[];
  /**
   * Orgs deleted from the enterprise, whose sessions (in `sessions`) still carry their bill. Not
   * in any organizations listing; the v3 sessions listing shows their sessions only with
   * `include_deleted_orgs=true` (SDK SessionListParams, see v3-routes). Absent: none.
   */
  deletedOrgIds?: string[];
  /** v3 `status_detail` by session id (e.g. `finished` on a `running` one); v2 has none. Absent: null. */
  statusDetails?: Record<string, string>;
  /** Sessions archived (v3 `is_archived: true`); v2 does not say. Absent: none. */
  archivedSessionIds?: string[];
}

/** A v3 service user (a principal that is not a person). */
export interface WireServiceUser {
  service_user_id: string;
  name: string;
  /** Unix seconds, or null for a key that never expires. */
  expires_at: number | null;
  /** Removed from the enterprise: listed only with `include_inactive=true`, like an expired one. Not on the wire. */
  removed?: boolean;
}

/** `GET /v2/enterprise/consumption/daily`: every figure in ACUs, at most 6 decimals. */
export interface WireDailyConsumption {
  total_acus: number;
  /** Billing day (YYYY-MM-DD) → ACUs consumed on it. */
  consumption_by_date: Record<string, number>;
  consumption_by_org_id: Record<string, number>;
  /** Optional in the vendor's spec; the fake always sends it. */
  consumption_by_user: Record<string, number>;
}

/** One billing cycle; the fake sends ISO instants, `end` exclusive. */
export interface WireBillingCycle {
  start: string;
  end: string;
}

/** Every list endpoint answers in this envelope; `next_cursor` is the next `skip`. */
export interface WirePage<T> {
  items: T[];
  total: number;
  skip: number;
  limit: number;
  has_more: boolean;
  next_cursor: number | null;
}
