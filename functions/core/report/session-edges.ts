import type { Acus } from '../money/acus.js';
import type { Session } from '../session.js';

/** Which side of the report's period a session that crosses an edge was created on. */
export type EdgeOrigin = 'before-period' | 'in-period' | 'after-period';

/**
 * One session whose consumption does not fall wholly inside the billing days of the period,
 * split by the vendor's per-session daily consumption: what it used before the first billing
 * day, within the billing days, and after the last.
 */
export interface SessionEdge {
  readonly sessionId: string;
  readonly origin: EdgeOrigin;
  /** `acus_consumed` as the session list gave it (lifetime, as of the run). */
  readonly lifetimeAcus: Acus;
  readonly beforeAcus: Acus;
  readonly inPeriodAcus: Acus;
  readonly afterAcus: Acus;
  /** The session itself, for one created outside the period (the report's own list lacks it). */
  readonly session?: Session;
}

/** Per-session consumption for the edges, or why there is none (v2 has no such endpoint; a 403). */
export type SessionEdgesResult =
  | { readonly available: true; readonly edges: readonly SessionEdge[] }
  | { readonly available: false; readonly reason: string };
