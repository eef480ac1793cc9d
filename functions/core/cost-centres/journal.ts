import type { Pricing } from '../money/pricing.js';
import type { ReportPeriod } from '../period/report-period.js';
import type { CostCentreTotal } from './cost-centre-report.js';
import { type CreditAccounts, creditAccountOf } from './credit-accounts.js';

/** One line of the journal entry; exactly one of debit and credit is non-zero. */
export interface JournalLine {
  /** Posting date: the period's last day, YYYY-MM-DD. */
  readonly date: string;
  readonly legalEntity: string | null;
  /** Null when there is none to post to yet (Unmapped, no CREDIT_ACCOUNT): the ERP must refuse it. */
  readonly account: string | null;
  /** Null on credit lines. */
  readonly costCentre: string | null;
  readonly costCentreName: string | null;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
  readonly description: string;
}

export interface JournalEntity {
  readonly legalEntity: string | null;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
}

export interface Journal {
  readonly currency: string;
  readonly reference: string;
  readonly lines: readonly JournalLine[];
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
  readonly entities: readonly JournalEntity[];
  /** What stops it being posted as is, in plain words; empty when it can be. */
  readonly blockers: readonly string[];
}

/** Thrown if the debits would not equal the report's cents: a bug, never a rounding choice. */
export class JournalImbalanceError extends Error {
  override readonly name = 'JournalImbalanceError';
}

/**
 * Debit each cost centre's cents to its account, credit each legal entity's
 * sum to the credit account. The cents are the report's own allocation
 * (largest remainder, top down), so the debits add up to the report's total
 * to the minor unit and the credits equal the debits by construction; a
 * per-line rounding of exact costs would not. Zero lines are left out.
 */
export function buildJournal(
  rows: readonly CostCentreTotal[],
  context: {
    readonly period: ReportPeriod;
    readonly pricing: Pricing;
    readonly totalMinor: bigint;
    readonly creditAccounts: CreditAccounts;
  },
): Journal {
  const { period, pricing, creditAccounts } = context;
  const description = `Devin ACU usage — ${period.label}`;
  const entityOrder: (string | null)[] = [];
  const byEntity = new Map<string | null, CostCentreTotal[]>();
  for (const row of rows) {
    if (!byEntity.has(row.legalEntity)) {
      byEntity.set(row.legalEntity, []);
      entityOrder.push(row.legalEntity);
    }
    byEntity.get(row.legalEntity)?.push(row);
  }
  // Named entities in text order, an entity-less group last.
  entityOrder.sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  const lines: JournalLine[] = [];
  const entities: JournalEntity[] = [];
  const blockers: string[] = [];
  let debitMinor = 0n;
  for (const entity of entityOrder) {
    const debits = [...(byEntity.get(entity) ?? [])]
      .filter((row) => row.costMinor !== 0n)
      .sort((a, b) => kindOrder(a) - kindOrder(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    let entityMinor = 0n;
    for (const row of debits) {
      lines.push({
        date: period.lastDay,
        legalEntity: entity,
        account: row.glAccount,
        costCentre: row.code,
        costCentreName: row.name,
        debitMinor: row.costMinor,
        creditMinor: 0n,
        description,
      });
      entityMinor += row.costMinor;
    }
    if (entityMinor === 0n) continue;
    const account = creditAccountOf(creditAccounts, entity);
    if (account === null) {
      blockers.push(
        `No credit account is configured${entity === null ? '' : ` for ${entity}`}: set CREDIT_ACCOUNT (or --credit-account).`,
      );
    }
    lines.push({
      date: period.lastDay,
      legalEntity: entity,
      account,
      costCentre: null,
      costCentreName: null,
      debitMinor: 0n,
      creditMinor: entityMinor,
      description,
    });
    entities.push({ legalEntity: entity, debitMinor: entityMinor, creditMinor: entityMinor });
    debitMinor += entityMinor;
  }
  if (debitMinor !== context.totalMinor) {
    throw new JournalImbalanceError(
      `the journal's debits (${debitMinor}) differ from the report's total (${context.totalMinor}) in minor units`,
    );
  }
  for (const row of rows) {
    if (row.costMinor !== 0n && row.glAccount === null) {
      blockers.push(
        row.kind === 'unmapped'
          ? 'Unmapped usage has no account: add its orgs to the cost-centre map and run the report again.'
          : 'Unattributed billed usage has no account: map org_id "(unattributed)" to a cost centre, or post it by hand.',
      );
    }
  }
  return {
    currency: pricing.currency,
    reference: `devin-chargeback ${period.slug}`,
    lines,
    debitMinor,
    creditMinor: debitMinor,
    entities,
    blockers,
  };
}

function kindOrder(row: CostCentreTotal): number {
  return row.kind === 'mapped' ? 0 : row.kind === 'unattributed' ? 1 : 2;
}
