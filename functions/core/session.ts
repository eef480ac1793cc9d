import type { Acus } from './money/acus.js';

/** A pull request a session opened, in whichever of the vendor's two shapes it arrived. */
export interface PullRequest {
  readonly url: string;
  readonly state: string | null;
}

/** Who a session is charged to: a person, or a service user when no person started it. */
export type PrincipalKind = 'user' | 'service-user';

/**
 * One Devin session as the report sees it: parsed and validated once at the API
 * boundary, then trusted everywhere inside.
 */
export interface Session {
  readonly sessionId: string;
  /** Link to the session in the Devin app; null when the API did not send one. */
  readonly url: string | null;
  /** Kept as sent: unknown statuses are data, not errors. */
  readonly status: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly orgId: string;
  /** Null for sessions the API attributes to no user. */
  readonly userId: string | null;
  /**
   * 'service-user' when `userId` names a service user (automation, v3) rather than a person;
   * absent means a person. Service-user ids carry their own prefix, so the two never collide.
   */
  readonly userKind?: PrincipalKind;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Lifetime ACUs as of the run; 0 when the API sent null (see `acusReported`). */
  readonly acus: Acus;
  /** False when the API sent `acus_consumed: null`. */
  readonly acusReported: boolean;
  readonly pullRequests: readonly PullRequest[];
}

/** What the fetch saw, for the About sheet and the logs. */
export interface FetchStats {
  /** Pages read, including any re-read. */
  readonly pages: number;
  /** `total` as the API reported it on the first page. */
  readonly reportedTotal: number;
  /** Items received before any filtering. */
  readonly itemsReceived: number;
  /** Exact duplicates by session_id dropped. */
  readonly duplicatesDropped: number;
  /** Items the API returned whose created_at falls outside [from, to). */
  readonly outsidePeriodDropped: number;
  /** Sessions whose acus_consumed was null and counted as 0. */
  readonly nullAcus: number;
  /** True when a mismatch triggered a second full read that then agreed. */
  readonly reread: boolean;
}
