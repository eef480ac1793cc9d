import type { Acus } from '../money/acus.js';
import type { ReportPeriod } from '../period/report-period.js';
import type { Session } from '../session.js';
import type { SessionGroups } from './group-sessions.js';
import { isStillRunning } from './session-status.js';

/**
 * Whether the period's figures can still change: sessions created in it that
 * are still running, or that kept consuming after it ended (their lifetime
 * ACUs, all charged here, grow until they stop). Rebuilding the report later
 * gives other numbers for exactly these sessions.
 */
export interface Provisional {
  /** True exactly when `sessions` > 0. */
  readonly provisional: boolean;
  /** Sessions that are running or carried out (each counted once). */
  readonly sessions: number;
  /** Of those, still running as of the run. */
  readonly running: number;
  /** Of those, updated at or after the period's end. */
  readonly carriedOut: number;
  /** Their ACUs and cents as of this run: the part of the figures at stake. */
  readonly acus: Acus;
  readonly costMinor: bigint;
}

export const NOT_PROVISIONAL: Provisional = {
  provisional: false,
  sessions: 0,
  running: 0,
  carriedOut: 0,
  acus: 0n,
  costMinor: 0n,
};

/** `provisionalFigures` from the report's grouping, so the period's sessions are not read again. */
export function provisionalOfGroups(
  groups: Pick<SessionGroups, 'sessionStatus' | 'statusNames' | 'sessionAcus'>,
  costMinor: BigInt64Array,
): Provisional {
  const running = groups.statusNames.map(isStillRunning);
  let count = 0;
  let runningCount = 0;
  let carriedOut = 0;
  let acus = 0n;
  let cost = 0n;
  for (let i = 0; i < costMinor.length; i++) {
    const status = groups.sessionStatus[i] ?? 0;
    const isRunning = running[status >> 1] === true;
    const isCarriedOut = (status & 1) === 1;
    if (!isRunning && !isCarriedOut) continue;
    count++;
    if (isRunning) runningCount++;
    if (isCarriedOut) carriedOut++;
    acus += groups.sessionAcus[i] ?? 0n;
    cost += costMinor[i] ?? 0n;
  }
  return {
    provisional: count > 0,
    sessions: count,
    running: runningCount,
    carriedOut,
    acus,
    costMinor: cost,
  };
}

/** @param costMinor each session's allocated cents, aligned with `sessions` */
export function provisionalFigures(
  sessions: Iterable<Session>,
  costMinor: BigInt64Array,
  period: Pick<ReportPeriod, 'to'>,
): Provisional {
  const end = period.to.getTime();
  let count = 0;
  let running = 0;
  let carriedOut = 0;
  let acus = 0n;
  let cost = 0n;
  let i = -1;
  for (const session of sessions) {
    i += 1;
    const isRunning = isStillRunning(session.status);
    const isCarriedOut = session.updatedAt.getTime() >= end;
    if (!isRunning && !isCarriedOut) continue;
    count++;
    if (isRunning) running++;
    if (isCarriedOut) carriedOut++;
    acus += session.acus;
    cost += costMinor[i] ?? 0n;
  }
  return { provisional: count > 0, sessions: count, running, carriedOut, acus, costMinor: cost };
}
