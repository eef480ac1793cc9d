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
  const tally = new ProvisionalTally();
  for (let i = 0; i < costMinor.length; i++) {
    const status = groups.sessionStatus[i] ?? 0;
    tally.add(
      running[status >> 1] === true,
      (status & 1) === 1,
      groups.sessionAcus[i] ?? 0n,
      costMinor[i] ?? 0n,
    );
  }
  return tally.figures();
}

/** @param costMinor each session's allocated cents, aligned with `sessions` */
export function provisionalFigures(
  sessions: Iterable<Session>,
  costMinor: BigInt64Array,
  period: Pick<ReportPeriod, 'to'>,
): Provisional {
  const end = period.to.getTime();
  const tally = new ProvisionalTally();
  let i = 0;
  for (const session of sessions) {
    tally.add(
      isStillRunning(session.status),
      session.updatedAt.getTime() >= end,
      session.acus,
      costMinor[i] ?? 0n,
    );
    i += 1;
  }
  return tally.figures();
}

/** One definition of what counts, whether the sessions come grouped or one by one. */
class ProvisionalTally {
  #sessions = 0;
  #running = 0;
  #carriedOut = 0;
  #acus = 0n;
  #costMinor = 0n;

  add(isRunning: boolean, isCarriedOut: boolean, acus: Acus, costMinor: bigint): void {
    if (!isRunning && !isCarriedOut) return;
    this.#sessions += 1;
    if (isRunning) this.#running += 1;
    if (isCarriedOut) this.#carriedOut += 1;
    this.#acus += acus;
    this.#costMinor += costMinor;
  }

  figures(): Provisional {
    return {
      provisional: this.#sessions > 0,
      sessions: this.#sessions,
      running: this.#running,
      carriedOut: this.#carriedOut,
      acus: this.#acus,
      costMinor: this.#costMinor,
    };
  }
}
