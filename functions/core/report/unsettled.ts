import type { Acus } from '../money/acus.js';
import type { Session } from '../session.js';
import type { SessionGroups } from './group-sessions.js';
import { isSettled } from './settled.js';

/**
 * The part of the period's figures that can still change: its sessions whose status is not
 * terminal (see `isSettled`). Their lifetime ACUs, all charged to this period, grow until they
 * end; every other session's figures are final.
 */
export interface Unsettled {
  readonly sessions: number;
  /** Their ACUs and cents as of this run: the figures at stake. */
  readonly acus: Acus;
  readonly costMinor: bigint;
}

export const ALL_SETTLED: Unsettled = { sessions: 0, acus: 0n, costMinor: 0n };

/** `unsettledFigures` from the report's grouping, so the period's sessions are not read again. */
export function unsettledOfGroups(
  groups: Pick<SessionGroups, 'sessionStatus' | 'statusNames' | 'sessionAcus'>,
  costMinor: BigInt64Array,
): Unsettled {
  const settled = groups.statusNames.map(isSettled);
  const tally = new UnsettledTally();
  for (let i = 0; i < costMinor.length; i++) {
    // The low bit is "active after the period", which does not decide settlement.
    const status = (groups.sessionStatus[i] ?? 0) >> 1;
    if (settled[status] !== true) tally.add(groups.sessionAcus[i] ?? 0n, costMinor[i] ?? 0n);
  }
  return tally.figures();
}

/** @param costMinor each session's allocated cents, aligned with `sessions` */
export function unsettledFigures(sessions: Iterable<Session>, costMinor: BigInt64Array): Unsettled {
  const tally = new UnsettledTally();
  let i = 0;
  for (const session of sessions) {
    if (!isSettled(session.status)) tally.add(session.acus, costMinor[i] ?? 0n);
    i += 1;
  }
  return tally.figures();
}

/** The unsettled sessions themselves, for the close record: ids, statuses and ACUs at close. */
export function unsettledSessions(
  sessions: Iterable<Session>,
): { sessionId: string; status: string; acus: Acus }[] {
  const list: { sessionId: string; status: string; acus: Acus }[] = [];
  for (const s of sessions) {
    if (!isSettled(s.status)) list.push({ sessionId: s.sessionId, status: s.status, acus: s.acus });
  }
  return list;
}

class UnsettledTally {
  #sessions = 0;
  #acus = 0n;
  #costMinor = 0n;

  add(acus: Acus, costMinor: bigint): void {
    this.#sessions += 1;
    this.#acus += acus;
    this.#costMinor += costMinor;
  }

  figures(): Unsettled {
    return { sessions: this.#sessions, acus: this.#acus, costMinor: this.#costMinor };
  }
}
