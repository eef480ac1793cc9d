import type { TrueUps } from '#true-ups/true-up.js';
import type { Acus } from '../money/acus.js';
import type { Pricing } from '../money/pricing.js';
import type { ReportPeriod } from '../period/report-period.js';
import { productName } from '../report/shared-products.js';
import type { SharedCosts } from '../shared-costs/shared-costs.js';
import type { CostCentreTotal } from './cost-centre-report.js';
import { type CreditAccounts, creditAccountOf } from './credit-accounts.js';

/** What a line posts: a period's usage, its share of non-session products, an earlier period's true-up, or the balancing accrual. */
export type JournalLineKind = 'usage' | 'shared-products' | 'true-up' | 'accrual';

/** One line of the journal entry; exactly one of debit and credit is non-zero. */
export interface JournalLine {
  /** Posting date: the period's last day, YYYY-MM-DD. */
  readonly date: string;
  readonly kind: JournalLineKind;
  readonly legalEntity: string | null;
  /** Null when there is none to post to yet (Unmapped, no CREDIT_ACCOUNT): the ERP must refuse it. */
  readonly account: string | null;
  readonly costCentre: string;
  readonly costCentreName: string;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
  /** The ACUs behind the amount: negative on a credited true-up; on an accrual, the cost centre's net ACUs. */
  readonly quantityAcus: Acus;
  readonly description: string;
}

export interface JournalEntity {
  readonly legalEntity: string | null;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
}

export interface Journal {
  readonly currency: string;
  /** Period and run id: the same on every line of one run, different for any other, so a rerun cannot post twice unseen. */
  readonly journalId: string;
  /** Kept for the journal's readers before journal_id: the same value. */
  readonly reference: string;
  /** The period's slug, e.g. 2026-11. */
  readonly period: string;
  /** The period's last day, YYYY-MM-DD. */
  readonly postingDate: string;
  readonly lines: readonly JournalLine[];
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
  /** What the entry charges: usage + true-ups + shared products (net of any credited true-up). */
  readonly postedMinor: bigint;
  readonly usageMinor: bigint;
  readonly trueUpMinor: bigint;
  readonly sharedMinor: bigint;
  readonly entities: readonly JournalEntity[];
  /** What stops it being posted as is, in plain words; empty when it can be. */
  readonly blockers: readonly string[];
  /** True when a line has no account: the file is written as …journal.DRAFT.csv. */
  readonly draft: boolean;
}

/** Thrown if the debits would not equal the report's cents: a bug, never a rounding choice. */
export class JournalImbalanceError extends Error {
  override readonly name = 'JournalImbalanceError';
}

interface Posting {
  readonly kind: Exclude<JournalLineKind, 'accrual'>;
  readonly amountMinor: bigint;
  readonly acus: Acus;
  readonly description: string;
}

interface Target {
  readonly code: string;
  readonly name: string;
  readonly account: string | null;
  readonly legalEntity: string | null;
  readonly order: number;
  readonly postings: Posting[];
}

/**
 * For each cost centre, a line per thing it is charged (its usage, its share
 * of the non-session products, each earlier period's true-up), then one
 * accrual line to the credit account with the same cost centre, so every
 * line carries a cost centre and each cost centre (hence each legal entity)
 * balances to the cent. The cents are the report's own allocations (largest
 * remainder, top down), so the debits add up to usage + true-ups + shared
 * products to the minor unit; a per-line rounding of exact costs would not.
 * A negative true-up is a credit on the expense account. Zero lines are left out.
 */
export function buildJournal(
  rows: readonly CostCentreTotal[],
  context: {
    readonly period: ReportPeriod;
    readonly pricing: Pricing;
    /** The report's usage cents: the usage lines must add up to them. */
    readonly usageMinor: bigint;
    readonly creditAccounts: CreditAccounts;
    readonly journalId: string;
    readonly shared?: SharedCosts | undefined;
    readonly trueUps?: TrueUps | undefined;
  },
): Journal {
  const { period, pricing, creditAccounts } = context;
  const targets = new Map<string, Target>();
  const target = (code: string, make: () => Omit<Target, 'postings' | 'code'>) => {
    let found = targets.get(code);
    if (found === undefined) {
      found = { code, ...make(), postings: [] };
      targets.set(code, found);
    }
    return found;
  };
  const fromRow = (row: CostCentreTotal) => () => ({
    name: row.name,
    account: row.glAccount,
    legalEntity: row.legalEntity,
    order: row.kind === 'mapped' ? 0 : row.kind === 'unattributed' ? 1 : 2,
  });
  for (const row of rows) {
    const t = target(row.code, fromRow(row));
    t.postings.push({
      kind: 'usage',
      amountMinor: row.costMinor,
      acus: row.acus,
      description: `Devin ACU usage, ${period.label}`,
    });
  }
  const rowOf = (code: string) => {
    const row = rows.find((r) => r.code === code);
    if (row === undefined) throw new JournalImbalanceError(`cost centre ${code} is charged but has no row`);
    return target(code, fromRow(row));
  };
  // One line per cost centre for all shared products (FOCUS keeps them apart, a row per product).
  const products = (context.shared?.charges ?? []).filter((c) => c.shares.length > 0);
  const productNames = products.map((c) => productName(c.product)).join(', ');
  for (const [code, share] of context.shared?.unallocated === null ? context.shared.byCode : []) {
    rowOf(code).postings.push({
      kind: 'shared-products',
      amountMinor: share.costMinor,
      acus: share.acus,
      description: `Devin shared products (${productNames}), ${period.label}`,
    });
  }
  for (const q of context.trueUps?.periods ?? []) {
    for (const centre of q.costCentres) {
      rowOf(centre.code).postings.push({
        kind: 'true-up',
        amountMinor: centre.costMinor,
        acus: centre.acus,
        description: `True-up ${q.period.label}: Devin ACUs used after its close`,
      });
    }
  }

  const byEntity = new Map<string | null, Target[]>();
  for (const t of targets.values()) byEntity.set(t.legalEntity, [...(byEntity.get(t.legalEntity) ?? []), t]);
  // Named entities in text order, an entity-less group last.
  const entityOrder = [...byEntity.keys()].sort((a, b) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
  );
  const lines: JournalLine[] = [];
  const entities: JournalEntity[] = [];
  const blockers = new Set<string>();
  const sums = { debit: 0n, credit: 0n, usage: 0n, shared: 0n, trueUp: 0n };
  const description = `Devin ACUs accrued, ${period.label}`;
  for (const entity of entityOrder) {
    const entityTargets = (byEntity.get(entity) ?? []).sort(
      (a, b) => a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
    let entityDebit = 0n;
    let entityCredit = 0n;
    for (const t of entityTargets) {
      let net = 0n;
      let netAcus = 0n;
      for (const posting of t.postings) {
        if (posting.kind === 'usage') sums.usage += posting.amountMinor;
        else if (posting.kind === 'shared-products') sums.shared += posting.amountMinor;
        else sums.trueUp += posting.amountMinor;
        if (posting.amountMinor === 0n) continue;
        lines.push(
          line(
            period,
            entity,
            t,
            t.account,
            posting.kind,
            posting.amountMinor,
            posting.acus,
            posting.description,
          ),
        );
        net += posting.amountMinor;
        netAcus += posting.acus;
      }
      if (net !== 0n) {
        const account = creditAccountOf(creditAccounts, entity);
        if (account === null) {
          blockers.add(
            `No credit account is configured${entity === null ? '' : ` for ${entity}`}: set CREDIT_ACCOUNT (or --credit-account).`,
          );
        }
        lines.push(line(period, entity, t, account, 'accrual', -net, netAcus, description));
      }
      if (t.account === null && t.postings.some((p) => p.amountMinor !== 0n)) {
        blockers.add(
          t.order === 2
            ? 'Unmapped usage has no account: add its orgs (or a catch-all row, org_id "*") to the cost-centre map and run the report again.'
            : 'Unattributed billed usage has no account: map org_id "(unattributed)" to a cost centre, or post it by hand.',
        );
      }
    }
    for (const l of lines) {
      if (l.legalEntity !== entity) continue;
      entityDebit += l.debitMinor;
      entityCredit += l.creditMinor;
    }
    if (entityDebit === 0n && entityCredit === 0n) continue;
    entities.push({ legalEntity: entity, debitMinor: entityDebit, creditMinor: entityCredit });
    sums.debit += entityDebit;
    sums.credit += entityCredit;
  }
  if (sums.usage !== context.usageMinor) {
    throw new JournalImbalanceError(
      `the journal's usage lines (${sums.usage}) differ from the report's usage (${context.usageMinor}) in minor units`,
    );
  }
  const sharedExpected = context.shared?.unallocated === null ? (context.shared?.costMinor ?? 0n) : 0n;
  const trueUpExpected = context.trueUps?.costMinor ?? 0n;
  if (sums.shared !== sharedExpected || sums.trueUp !== trueUpExpected) {
    throw new JournalImbalanceError(
      `the journal's shared-products (${sums.shared}) or true-up (${sums.trueUp}) lines differ from the allocation (${sharedExpected}, ${trueUpExpected}) in minor units`,
    );
  }
  if (sums.debit !== sums.credit) {
    throw new JournalImbalanceError(
      `the journal's debits (${sums.debit}) differ from its credits (${sums.credit})`,
    );
  }
  const list = [...blockers];
  return {
    currency: pricing.currency,
    journalId: context.journalId,
    reference: context.journalId,
    period: period.slug,
    postingDate: period.lastDay,
    lines,
    debitMinor: sums.debit,
    creditMinor: sums.credit,
    postedMinor: sums.usage + sums.shared + sums.trueUp,
    usageMinor: sums.usage,
    trueUpMinor: sums.trueUp,
    sharedMinor: sums.shared,
    entities,
    blockers: list,
    draft: lines.some((l) => l.account === null),
  };
}

function line(
  period: ReportPeriod,
  entity: string | null,
  t: Target,
  account: string | null,
  kind: JournalLineKind,
  amountMinor: bigint,
  acus: Acus,
  description: string,
): JournalLine {
  return {
    date: period.lastDay,
    kind,
    legalEntity: entity,
    account,
    costCentre: t.code,
    costCentreName: t.name,
    debitMinor: amountMinor > 0n ? amountMinor : 0n,
    creditMinor: amountMinor < 0n ? -amountMinor : 0n,
    quantityAcus: acus,
    description,
  };
}

/** The journal's id: its period and the run that wrote it. */
export function journalIdOf(period: Pick<ReportPeriod, 'slug'>, runId: string): string {
  return `devin-chargeback-${period.slug}-${runId}`;
}
