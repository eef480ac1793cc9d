import type { DeploymentCheckResult } from '#check/deployment-check-result.js';
import type { HandedOverResult } from '#distributed/hand-over.js';

/** What the function returns: what a person sees in the console, and what a duplicate run returns again. */
export interface ChargebackResult {
  readonly period: {
    readonly from: string;
    readonly to: string;
    readonly label: string;
    readonly timeZone: string;
  };
  readonly s3: { readonly bucket: string; readonly key: string; readonly uri: string };
  /** The period's FOCUS Parquet object (absent in results stored before the dataset existed). */
  readonly focus?: { readonly key: string; readonly uri: string; readonly rows: number };
  readonly downloadUrl: string;
  /** The object `downloadUrl` serves: this run's own copy of the workbook (the record's, for a closed period), never overwritten. */
  readonly downloadKey?: string;
  readonly downloadUrlExpiresAt: string;
  readonly totals: {
    readonly sessions: number;
    /** Exact decimal strings: JSON numbers would round. */
    readonly acus: string;
    readonly cost: string;
    readonly currency: string;
  };
  /** The sessions that had not ended, and their ACUs and cost (exact decimal strings). */
  readonly unsettled?: { readonly sessions: number; readonly acus: string; readonly cost: string };
  /**
   * Earlier closed periods' changes this run posts (with a cost-centre map): as the CLI's `--json`
   * `trueUp`, but exact decimal strings like the totals.
   */
  readonly trueUp?: {
    readonly sessions: number;
    readonly acus: string;
    readonly cost: string;
    readonly periods: readonly {
      readonly period: string;
      readonly sessions: number;
      readonly acus: string;
      readonly cost: string;
    }[];
  };
  /** True when the period is closed: by this run, or (with `duplicateOf`) by an earlier one. */
  readonly closed?: boolean;
  /** The period's close record, when it is closed. */
  readonly close?: {
    readonly key: string;
    readonly uri: string;
    readonly closedAt: string;
    readonly runId: string;
  };
  readonly emailed: boolean;
  readonly messageId: string | null;
  readonly runId: string;
  /** Set when this invocation did nothing because the period had been emailed already. */
  readonly duplicateOf?: string;
  readonly note?: string;
  /** Budget owners emailed their slice by this invocation, and those emailed by earlier ones (SHOWBACK=true). */
  readonly showback?: { readonly sent: number; readonly alreadySent: number };
}

/**
 * What an invocation returns: the report's result, or (a period too big for one invocation) the
 * Step Functions execution it was handed to, under `distributed`; that execution's merge step
 * returns the ChargebackResult.
 */
export type ChargebackOutcome = ChargebackResult | HandedOverResult | WaitingResult;

/**
 * What the daily catch-up returns when it leaves the period for later: its bill has not settled
 * (`notBefore`), or another run holds the close (`closingRunId`). Nothing was read or written.
 */
export interface WaitingResult {
  readonly period: {
    readonly from: string;
    readonly to: string;
    readonly label: string;
    readonly timeZone: string;
  };
  readonly runId: string;
  readonly waiting:
    | { readonly reason: 'not-settled'; readonly notBefore: string }
    | { readonly reason: 'being-closed'; readonly closingRunId: string; readonly since?: string };
  readonly emailed: false;
  readonly note: string;
}

/** What the report function returns: a run's outcome, or the rows of a `{"check":true}` event. */
export type ReportFunctionOutcome = ChargebackOutcome | DeploymentCheckResult;

/** The report's result of an invocation that was expected to run in place (callers that never hand over). */
export function reportResultOf(outcome: ReportFunctionOutcome): ChargebackResult {
  if ('check' in outcome) throw new Error('the event was a deployment check: it has rows, not a report');
  if ('distributed' in outcome) {
    throw new Error(
      `the run was handed to ${outcome.distributed.executionArn}; its merge step has the result`,
    );
  }
  if ('waiting' in outcome) throw new Error(`the run did not report: ${outcome.note}`);
  return outcome;
}
