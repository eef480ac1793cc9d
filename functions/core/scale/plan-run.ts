import { InvalidInputError } from '../errors.js';
import { type PeriodWindow, partitionPeriod } from './partition-period.js';
import { RUN_COST, type RunCost } from './run-cost.js';

/** What the invocation that decides has left: Lambda's remaining time and its memory. */
export interface InvocationBudget {
  readonly remainingMs: number;
  readonly memoryBytes: number;
}

/**
 * The safety margins of the decision, in one place. The cost figures come from a bench on a quiet
 * machine; a month on the real API meets slower pages and uneven days, so a run plans to use only
 * part of what it has.
 */
export const PLAN_MARGIN = {
  /** Share of the time left (after the reserve) that the sessions may take. */
  timeShare: 0.5,
  /** Share of the memory the sessions and the baseline may take. */
  memoryShare: 0.7,
  /** Time for the stages that do not grow with sessions: directory, bill, upload, email. */
  reserveMs: 60_000,
  /** A window plans for this share of an invocation: usage bunches on some days of a month. */
  windowFill: 0.25,
  /** Inline Map state's payloads stay small (each part's result is ~300 bytes), and so does the bill. */
  maxWindows: 200,
} as const;

export interface PlanRequest {
  readonly period: PeriodWindow;
  /** From the count query before fetching. */
  readonly expectedSessions: number;
  readonly budget: InvocationBudget;
  readonly cost?: RunCost;
  /** SESSIONS_PER_INVOCATION: a deployment's own measured capacity, replacing the computed one. */
  readonly sessionsPerInvocation?: number | undefined;
}

export type RunPlan =
  | { readonly kind: 'single'; readonly expectedSessions: number; readonly capacity: number }
  | {
      readonly kind: 'distributed';
      readonly expectedSessions: number;
      readonly capacity: number;
      /** Exact half-open slices of the period, in time order. */
      readonly windows: readonly PeriodWindow[];
    };

/** Sessions one invocation with `budget` handles within the margins. */
export function sessionsPerInvocation(budget: InvocationBudget, cost: RunCost = RUN_COST): number {
  const timeMs = Math.max(0, budget.remainingMs - PLAN_MARGIN.reserveMs) * PLAN_MARGIN.timeShare;
  const byTime = Math.floor((timeMs * 1000) / cost.microsecondsPerSession);
  const bytes = Math.max(0, budget.memoryBytes * PLAN_MARGIN.memoryShare - cost.baselineBytes);
  const byMemory = Math.floor(bytes / cost.bytesPerSession);
  return Math.min(byTime, byMemory);
}

/**
 * Before fetching: does the period fit in this invocation with margin, or does it go to the state
 * machine in windows? Windows are equal slices of time, as many as it takes for each to expect at
 * most `windowFill` of an invocation (two at least, `maxWindows` at most).
 */
export function planRun(request: PlanRequest): RunPlan {
  const { expectedSessions } = request;
  if (!(Number.isInteger(expectedSessions) && expectedSessions >= 0)) {
    throw new InvalidInputError('expectedSessions', expectedSessions, 'is not a whole number ≥ 0');
  }
  const override = request.sessionsPerInvocation;
  if (override !== undefined && !(Number.isInteger(override) && override >= 1)) {
    throw new InvalidInputError('SESSIONS_PER_INVOCATION', override, 'is not a whole number ≥ 1');
  }
  const capacity = override ?? sessionsPerInvocation(request.budget, request.cost);
  if (expectedSessions <= capacity) return { kind: 'single', expectedSessions, capacity };
  const perWindow = Math.max(1, Math.floor(capacity * PLAN_MARGIN.windowFill));
  const count = Math.min(PLAN_MARGIN.maxWindows, Math.max(2, Math.ceil(expectedSessions / perWindow)));
  return {
    kind: 'distributed',
    expectedSessions,
    capacity,
    windows: partitionPeriod(request.period.from, request.period.to, count),
  };
}
