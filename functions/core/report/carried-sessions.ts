import type { Acus } from '../money/acus.js';
import type { BridgeLine } from './bridge.js';
import type { Reconciliation } from './reconciliation.js';

/** Sessions across one edge of the period, and what they moved across it. */
export interface CarriedFigure {
  /** How many sessions; null when the API could not count them. */
  readonly sessions: number | null;
  /** The ACUs they moved across the edge (unsigned), and the walk's cents for them; null unless measured. */
  readonly acus: Acus | null;
  readonly costMinor: bigint | null;
}

/**
 * The sessions carried in and out, once, for every place that states them.
 *
 * `measured`: from the vendor's per-session daily consumption, the very figures of the walk
 * to the bill (sessions that used ACUs on the other side of a billing-day edge).
 * `updated`: without the walk (v2, a 403, too many sessions) only the session list's update
 * times are known: sessions created on one side and updated on the other. That is a different
 * count (an update need not be a use of ACUs, and the report's days need not be billing days),
 * so the text says "updated", never "used ACUs", and carries no amount.
 */
export type CarriedSessions =
  | {
      readonly basis: 'measured';
      readonly carriedIn: CarriedFigure;
      readonly carriedOut: CarriedFigure;
      /** The day-boundary step of the walk (signed ACUs and cents). */
      readonly dayBoundary: CarriedFigure;
      readonly unexplainedAcus: Acus;
    }
  | { readonly basis: 'updated'; readonly carriedIn: CarriedFigure; readonly carriedOut: CarriedFigure };

export function carriedSessions(reconciliation: Reconciliation): CarriedSessions {
  const { bridge, edges } = reconciliation;
  if (bridge?.available) {
    const step = (kind: BridgeLine['kind']): CarriedFigure => {
      const line = bridge.bridge.lines.find((l) => l.kind === kind);
      if (line === undefined) return { sessions: 0, acus: 0n, costMinor: 0n };
      // The carried-out step is subtracted in the walk; the count says how much moved.
      const sign = kind === 'carried-out' ? -1n : 1n;
      return { sessions: line.sessions ?? null, acus: sign * line.acus, costMinor: sign * line.costMinor };
    };
    return {
      basis: 'measured',
      carriedIn: step('carried-in'),
      carriedOut: step('carried-out'),
      dayBoundary: step('day-boundary'),
      unexplainedAcus: bridge.bridge.unexplainedAcus,
    };
  }
  return {
    basis: 'updated',
    carriedIn: { sessions: edges.carriedIn, acus: null, costMinor: null },
    carriedOut: { sessions: edges.carriedOut, acus: null, costMinor: null },
  };
}
