import type { InvocationBudget } from '#core/scale/plan-run.js';
import type { DistributedRun } from './distributed-run.js';

/**
 * How an invocation plans, and hands a period too big for it to the state machine. Only the entry
 * the schedule and people invoke has one; the merge step never plans or hands over again.
 */
export interface HandOver {
  /** What this invocation has left (Lambda's remaining time, its memory). */
  readonly budget: () => InvocationBudget;
  /** SESSIONS_PER_INVOCATION, when the deployment sets its own measured capacity. */
  readonly sessionsPerInvocation?: number | undefined;
  /**
   * Starts the execution (named after the run, so a retried start is the same execution); its ARN.
   * Absent when the stack has no state machine (`distributedRuns` off): a period too big for one
   * invocation then fails before fetching, saying to turn it on.
   */
  readonly start?: ((run: DistributedRun) => Promise<string>) | undefined;
}

/** What an invocation that handed over returns instead of a report (see ChargebackOutcome). */
export interface HandedOverResult {
  readonly period: {
    readonly from: string;
    readonly to: string;
    readonly label: string;
    readonly timeZone: string;
  };
  readonly runId: string;
  readonly distributed: {
    readonly executionArn: string;
    readonly windows: number;
    readonly expectedSessions: number;
    /** Sessions one invocation was planned to handle. */
    readonly capacity: number;
  };
  readonly emailed: false;
  readonly note: string;
}
