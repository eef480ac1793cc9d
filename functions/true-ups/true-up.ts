import type { Acus } from '#core/money/acus.js';
import type { Pricing } from '#core/money/pricing.js';
import type { ReportPeriod } from '#core/period/report-period.js';

/** One session whose ACUs changed after its period closed: a row of the True-ups sheet. */
export interface TrueUpLine {
  readonly sessionId: string;
  readonly orgId: string;
  readonly userId: string | null;
  /** By the closed period's cost-centre map (tag rules first), as its journal charged the session. */
  readonly costCentre: string;
  /** 0 when the session is missing from the close's record: it counts whole. */
  readonly acusAtClose: Acus;
  readonly acusNow: Acus;
  /** acusNow − acusAtClose, exact. */
  readonly changeAcus: Acus;
  /** Its cents of the period's true-up, allocated so the lines add up to the cost centre's. */
  readonly changeCostMinor: bigint;
  readonly inRecord: boolean;
}

export interface TrueUpCostCentre {
  readonly code: string;
  /** From the closed period's map: the true-up posts where that close posted. */
  readonly name: string;
  /** Null for Unmapped: no account to post to. */
  readonly glAccount: string | null;
  readonly legalEntity: string | null;
  readonly sessions: number;
  readonly acus: Acus;
  readonly costMinor: bigint;
}

/** What changed in one closed period since its close, priced at its own price. */
export interface TrueUpPeriod {
  readonly period: Pick<ReportPeriod, 'slug' | 'label' | 'from' | 'to' | 'lastDay'>;
  readonly pricing: Pricing;
  readonly closedAt: Date;
  /** Sessions whose ACUs changed, by change descending then session id. */
  readonly lines: readonly TrueUpLine[];
  readonly acus: Acus;
  /** The change's ACUs × the period's price, rounded once. */
  readonly costMinor: bigint;
  /** By cost centre, codes in text order: the journal's true-up lines. */
  readonly costCentres: readonly TrueUpCostCentre[];
}

/** The true-ups a close posts: one entry per earlier closed period re-read, oldest first. */
export interface TrueUps {
  readonly periods: readonly TrueUpPeriod[];
  readonly sessions: number;
  readonly acus: Acus;
  readonly costMinor: bigint;
}

export function trueUpsOf(periods: readonly TrueUpPeriod[]): TrueUps {
  return {
    periods,
    sessions: periods.reduce((sum, p) => sum + p.lines.length, 0),
    acus: periods.reduce((sum, p) => sum + p.acus, 0n),
    costMinor: periods.reduce((sum, p) => sum + p.costMinor, 0n),
  };
}
