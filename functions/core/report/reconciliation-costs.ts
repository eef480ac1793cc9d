import { costOf, roundCostToMinor } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import type { ChargebackReport } from './chargeback-report.js';
import type { Reconciliation, ReconciliationLine, SessionCents } from './reconciliation.js';
import { allocate } from './usage-totals.js';

/** A reconciliation line's figures in money: what the sessions cost, what was billed, and the gap. */
export interface LineCost {
  readonly sessionCostMinor: bigint;
  readonly billedCostMinor: bigint;
  /** billed − sessions, so the columns subtract exactly. */
  readonly differenceCostMinor: bigint;
}

/** How much of the invoice the report charges back, and how much it does not, in money. */
export interface InvoiceSplit {
  /** The billed ACUs × price, rounded once: what the invoice should say. */
  readonly billedCostMinor: bigint;
  /**
   * What the journal posts when there is one (usage + shared products + earlier periods'
   * true-ups), so Summary, Reconciliation and the journal state one shortfall or excess;
   * without a journal, what the org table charges back.
   */
  readonly chargedCostMinor: bigint;
  /** Earlier closed periods' true-ups the journal posts with this period (in chargedCostMinor); 0 without. */
  readonly trueUpCostMinor: bigint;
  /** The non-session products charged back by the shared-cost rule (in chargedCostMinor); 0 without. */
  readonly sharedCostMinor: bigint;
  /** billed − charged; negative when more is charged than was billed (sessions carried out, true-ups). */
  readonly notChargedCostMinor: bigint;
  /** The billed cents of the Unattributed line (non-session products). */
  readonly unattributedCostMinor: bigint;
}

export interface ReconciliationCosts {
  /** Aligned with `reconciliation.orgs`. */
  readonly orgs: readonly LineCost[];
  /** Aligned with `reconciliation.users`; null when there are none. */
  readonly users: readonly LineCost[] | null;
  readonly totals: LineCost;
  readonly invoice: InvoiceSplit;
}

type Priced = Pick<ChargebackReport, 'pricing' | 'totals' | 'costBasis'> &
  Partial<Pick<ChargebackReport, 'costCentres'>>;

/**
 * The bill's cents are its ACUs × price rounded once, shared over the lines
 * by largest remainder; each line's session cost is the sum of its sessions'
 * allocated cents, so it matches a filter on the Sessions sheet.
 *
 */
export function reconciliationCosts(
  reconciliation: Reconciliation,
  report: Priced,
  sessionCents: SessionCents,
): ReconciliationCosts {
  const { byOrg, byUser, total: sessionTotal } = sessionCents;
  const billedTotal = billedCents(reconciliation, report);
  const orgBilled = billedShares(billedTotal, reconciliation.orgs, report);
  const orgs = reconciliation.orgs.map((line, i) =>
    lineCost(line.id === null ? 0n : (byOrg.get(line.id) ?? 0n), orgBilled[i] ?? 0n),
  );
  const users =
    reconciliation.users === null
      ? null
      : lineCosts(reconciliation.users, billedShares(billedTotal, reconciliation.users, report), byUser);
  return {
    orgs,
    users,
    totals: lineCost(sessionTotal, billedTotal),
    invoice: split(reconciliation, report, billedTotal, orgBilled),
  };
}

/** The invoice split from the report alone (the email has no sessions). */
export function invoiceSplit(reconciliation: Reconciliation, report: Priced): InvoiceSplit {
  const billedTotal = billedCents(reconciliation, report);
  return split(reconciliation, report, billedTotal, billedShares(billedTotal, reconciliation.orgs, report));
}

function split(
  reconciliation: Reconciliation,
  report: Priced,
  billedTotal: bigint,
  orgBilled: readonly bigint[],
): InvoiceSplit {
  const unattributedIndex = reconciliation.orgs.findIndex((line) => line.id === null);
  const unattributedCostMinor = unattributedIndex < 0 ? 0n : (orgBilled[unattributedIndex] ?? 0n);
  const shared = report.costCentres?.shared;
  const sharedCostMinor = shared !== undefined && shared.unallocated === null ? shared.costMinor : 0n;
  // With a journal, what it posts. Without: on the billed basis the orgs charge the bill
  // except what no org carries, which the shared-cost rule then charges whole; on the
  // sessions basis the rule adds the products.
  const journal = report.costCentres?.journal;
  const chargedCostMinor =
    journal !== undefined
      ? journal.postedMinor
      : report.costBasis === 'billed'
        ? sharedCostMinor === 0n
          ? billedTotal - unattributedCostMinor
          : billedTotal
        : report.totals.costMinor + sharedCostMinor;
  return {
    billedCostMinor: billedTotal,
    chargedCostMinor,
    trueUpCostMinor: journal?.trueUpMinor ?? 0n,
    sharedCostMinor,
    notChargedCostMinor: billedTotal - chargedCostMinor,
    unattributedCostMinor,
  };
}

function billedCents(reconciliation: Reconciliation, { pricing }: Priced): bigint {
  return billedTotalMinor(reconciliation, pricing);
}

/** The bill's cents: its ACUs × price, rounded once. */
export function billedTotalMinor(reconciliation: Reconciliation, pricing: Pricing): bigint {
  return roundCostToMinor(costOf(reconciliation.totals.billedAcus, pricing), pricing);
}

/**
 * The bill's cents shared over the org lines by largest remainder, aligned with
 * `reconciliation.orgs`: the one allocation the Reconciliation's Billed Cost column, the
 * Summary's shared products and the journal's shared-products pool all read.
 */
export function billedOrgCents(reconciliation: Reconciliation, pricing: Pricing): bigint[] {
  return billedShares(billedTotalMinor(reconciliation, pricing), reconciliation.orgs, { pricing });
}

function billedShares(
  total: bigint,
  lines: readonly ReconciliationLine[],
  { pricing }: Pick<Priced, 'pricing'>,
): bigint[] {
  // reconcile() always ends with an Unattributed line; a table of none has nothing to share.
  if (lines.length === 0) return [];
  return allocate(
    total,
    lines.map((line) => ({ sessions: 0, acus: line.billedAcus })),
    pricing,
  );
}

function lineCosts(
  lines: readonly ReconciliationLine[],
  billed: readonly bigint[],
  byUser: ReadonlyMap<string | null, bigint>,
): LineCost[] {
  return lines.map((line, i) => lineCost(byUser.get(line.id) ?? 0n, billed[i] ?? 0n));
}

function lineCost(sessionCostMinor: bigint, billedCostMinor: bigint): LineCost {
  return { sessionCostMinor, billedCostMinor, differenceCostMinor: billedCostMinor - sessionCostMinor };
}
