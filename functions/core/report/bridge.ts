import { type Acus, sumAcus } from '../money/acus.js';
import { costOf, roundCostToMinor } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import type { BilledConsumption } from './billed-consumption.js';
import type { SessionEdge, SessionEdgesResult } from './session-edges.js';

export type BridgeLineKind =
  | 'session-acus'
  | 'carried-out'
  | 'carried-in'
  | 'non-session-product'
  | 'day-boundary'
  | 'unexplained'
  | 'billed';

/** One step of the walk from the report's session ACUs to the bill. */
export interface BridgeLine {
  readonly kind: BridgeLineKind;
  /** The product, on non-session product lines ('cascade', 'terminal', 'review', …). */
  readonly product?: string;
  /** Signed: what this step adds to the running total (the billed line: the total itself). */
  readonly acus: Acus;
  /**
   * Signed cents of the step. Each is the rounded running total after the step minus the
   * rounded one before it, so the steps add up to the billed line's cents exactly and each is
   * within a cent of its ACUs × price.
   */
  readonly costMinor: bigint;
  /** Sessions behind the step, where there are any. */
  readonly sessions?: number;
}

export interface Bridge {
  readonly lines: readonly BridgeLine[];
  /** Billed ACUs the steps do not account for; zero when every cause was measured. */
  readonly unexplainedAcus: Acus;
}

export type BridgeStatus =
  | { readonly available: true; readonly bridge: Bridge }
  | { readonly available: false; readonly reason: string };

/**
 * The walk, in ACUs and money: session ACUs (creation basis) − what sessions created in the
 * period consumed after its billing days + what sessions created before it consumed in them +
 * each non-session product ± the day-boundary effect (sessions created in the period that
 * consumed before its first billing day, and sessions created after it that consumed within
 * its billing days) + unexplained = billed ACUs.
 *
 * Exact because every step is measured, not estimated: it holds when a session's lifetime ACUs
 * equal the sum of its daily consumption and the bill's session product equals the sum of
 * its sessions' days; whatever differs lands on the unexplained line, in the open.
 */
export function bridgeToBill(input: {
  readonly sessionAcus: Acus;
  readonly billed: BilledConsumption;
  readonly edges: SessionEdgesResult;
  readonly pricing: Pricing;
}): BridgeStatus {
  const { billed, edges, pricing } = input;
  if (!edges.available) return edges;
  if (billed.byProduct === undefined) {
    return {
      available: false,
      reason: 'the bill gave no split by product, so non-session products cannot be named',
    };
  }
  const from = (origin: SessionEdge['origin']) => edges.edges.filter((e) => e.origin === origin);
  const inPeriod = from('in-period');
  const before = from('before-period');
  const after = from('after-period');
  const carriedOut = sumAcus(inPeriod.map((e) => e.afterAcus));
  const carriedIn = sumAcus(before.map((e) => e.inPeriodAcus));
  const boundary = sumAcus(after.map((e) => e.inPeriodAcus)) - sumAcus(inPeriod.map((e) => e.beforeAcus));
  const products = [...billed.byProduct].filter(([product]) => product !== 'devin');

  const steps: Omit<BridgeLine, 'costMinor'>[] = [
    { kind: 'session-acus', acus: input.sessionAcus },
    { kind: 'carried-out', acus: -carriedOut, sessions: inPeriod.filter((e) => e.afterAcus > 0n).length },
    { kind: 'carried-in', acus: carriedIn, sessions: before.filter((e) => e.inPeriodAcus > 0n).length },
    ...products.map(([product, acus]) => ({ kind: 'non-session-product' as const, product, acus })),
    {
      kind: 'day-boundary',
      acus: boundary,
      sessions: after.length + inPeriod.filter((e) => e.beforeAcus > 0n).length,
    },
  ];
  const explained = sumAcus(steps.map((s) => s.acus));
  const unexplainedAcus = billed.totalAcus - explained;
  steps.push({ kind: 'unexplained', acus: unexplainedAcus });

  let running = 0n;
  let runningMinor = 0n;
  const lines: BridgeLine[] = steps.map((step) => {
    running += step.acus;
    const nextMinor = roundCostToMinor(costOf(running, pricing), pricing);
    const line = { ...step, costMinor: nextMinor - runningMinor };
    runningMinor = nextMinor;
    return line;
  });
  lines.push({ kind: 'billed', acus: billed.totalAcus, costMinor: runningMinor });
  return { available: true, bridge: { lines, unexplainedAcus } };
}
