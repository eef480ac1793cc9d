import type { TrueUpCostCentre, TrueUps } from '#true-ups/true-up.js';
import { ACU_DECIMALS, type Acus, decimalStringToScaled } from '../money/acus.js';
import { costOf } from '../money/cost.js';
import type { ChargebackReport } from '../report/chargeback-report.js';
import { byAmountDescending, byText } from '../report/rank.js';
import { shareOf } from '../report/share.js';
import type { SummaryDocument } from '../report/summary-document-schema.js';
import { UNATTRIBUTED_ORG_ID } from '../report/unattributed.js';
import type { Session } from '../session.js';
import { allocateSharedCosts } from '../shared-costs/allocate-shared-costs.js';
import { DEFAULT_SHARED_COST_RULE, type SharedCostRule } from '../shared-costs/shared-cost-rule.js';
import {
  type CostCentreMap,
  UNATTRIBUTED_CODE,
  UNATTRIBUTED_NAME,
  UNMAPPED_CODE,
  UNMAPPED_NAME,
} from './cost-centre-map.js';
import { costCentreOfOrg, costCentreOfSession } from './cost-centre-of-session.js';
import type {
  CostCentreReport,
  CostCentreTotal,
  PreviousOrgSplit,
  UnmappedOrg,
} from './cost-centre-report.js';
import type { CreditAccounts } from './credit-accounts.js';
import { buildJournal, journalIdOf } from './journal.js';
import { type SharedPool, sharedPool } from './shared-pool.js';

interface Bucket {
  sessions: number;
  acus: Acus;
  costMinor: bigint;
  readonly orgs: Map<string, Acus>;
}

const CONFLICT_EXAMPLES = 5;

/**
 * The report by cost centre, and its journal.
 *
 * On the sessions basis each session goes to its cost centre (tag rule, then
 * org rule, see costCentreOfSession) with the cents it has on the Sessions
 * sheet, so By Cost Centre adds up to Sessions, and to By Org when no tag rule
 * moved anything. On the billed basis the bill has no sessions: each org's
 * billed cents go to the org's cost centre, and tag rules are not applied
 * (the sheet says so); the Unattributed row goes where the map sends org_id
 * "(unattributed)", or stays a line of its own.
 */
export function buildCostCentreReport(input: {
  readonly report: ChargebackReport;
  readonly sessions: Iterable<Session>;
  readonly map: CostCentreMap;
  readonly creditAccounts: CreditAccounts;
  readonly previous?: SummaryDocument | { readonly reason: string } | undefined;
  /** How non-session products are charged back; `proportional` when not given. */
  readonly sharedCosts?: SharedCostRule | undefined;
  /** Earlier closed periods' true-ups, posted with this period. */
  readonly trueUps?: TrueUps | undefined;
  /** The shared charges as a stored report recorded them (backfill); read from the bill when absent. */
  readonly sharedCharges?: SharedPool['charges'] | undefined;
  /** The run's journal id (see journalIdOf). */
  readonly journalId?: string | undefined;
}): CostCentreReport {
  const { report, sessions, map } = input;
  const buckets = new Map<string, Bucket>();
  const unmapped = new Map<string, { sessions: number; acus: Acus; costMinor: bigint }>();
  const movedByTag = { sessions: 0, acus: 0n };
  const conflicts = { sessions: 0, exampleSessionIds: [] as string[] };
  const tagRulesApplied = report.costBasis === 'sessions';
  const orgSplits = new Map<string, { orgId: string; code: string; sum: SplitSum }>();
  const userSplits = new Map<string, { orgId: string; userId: string | null; code: string; sum: SplitSum }>();

  const charge = (code: string, orgId: string, sessionCount: number, acus: Acus, costMinor: bigint) => {
    const key = `${orgId}\u0000${code}`;
    const split = orgSplits.get(key) ?? { orgId, code, sum: { sessions: 0, acus: 0n, costMinor: 0n } };
    addTo(split.sum, sessionCount, acus, costMinor);
    orgSplits.set(key, split);
    let bucket = buckets.get(code);
    if (bucket === undefined) {
      bucket = { sessions: 0, acus: 0n, costMinor: 0n, orgs: new Map() };
      buckets.set(code, bucket);
    }
    bucket.sessions += sessionCount;
    bucket.acus += acus;
    bucket.costMinor += costMinor;
    bucket.orgs.set(orgId, (bucket.orgs.get(orgId) ?? 0n) + acus);
    if (code === UNMAPPED_CODE) {
      const org = unmapped.get(orgId) ?? { sessions: 0, acus: 0n, costMinor: 0n };
      org.sessions += sessionCount;
      org.acus += acus;
      org.costMinor += costMinor;
      unmapped.set(orgId, org);
    }
  };

  if (tagRulesApplied) {
    let i = -1;
    for (const session of sessions) {
      i += 1;
      const assigned = costCentreOfSession(map, session);
      if (assigned.rule === 'tag' && assigned.code !== costCentreOfOrg(map, session.orgId).code) {
        movedByTag.sessions += 1;
        movedByTag.acus += session.acus;
      }
      if (assigned.conflict) {
        conflicts.sessions += 1;
        if (conflicts.exampleSessionIds.length < CONFLICT_EXAMPLES)
          conflicts.exampleSessionIds.push(session.sessionId);
      }
      const cost = report.sessionCostMinor[i] ?? 0n;
      charge(assigned.code, session.orgId, 1, session.acus, cost);
      const userKey = `${session.orgId}\u0000${session.userId ?? ''}\u0000${assigned.code}`;
      const userSplit = userSplits.get(userKey) ?? {
        orgId: session.orgId,
        userId: session.userId,
        code: assigned.code,
        sum: { sessions: 0, acus: 0n, costMinor: 0n },
      };
      addTo(userSplit.sum, 1, session.acus, cost);
      userSplits.set(userKey, userSplit);
    }
  } else {
    for (const org of report.orgs) {
      const code =
        org.orgId === UNATTRIBUTED_ORG_ID && !map.orgRules.has(org.orgId)
          ? UNATTRIBUTED_CODE
          : costCentreOfOrg(map, org.orgId).code;
      charge(code, org.orgId, org.sessions, org.acus, org.costMinor);
    }
  }

  const previous = previousCostCentres(input.previous);
  const singleEntity = onlyLegalEntity(map);
  const pool: SharedPool =
    input.sharedCharges === undefined
      ? sharedPool(report, buckets.get(UNATTRIBUTED_CODE), map)
      : { charges: input.sharedCharges, fromUnattributedBucket: report.costBasis === 'billed' };
  if (pool.fromUnattributedBucket && (input.sharedCosts ?? DEFAULT_SHARED_COST_RULE).kind !== 'none') {
    buckets.delete(UNATTRIBUTED_CODE);
  }
  const usageRows = [...buckets].map(([code, bucket]) => ({ code, bucket }));
  const shared = allocateSharedCosts({
    charges: pool.charges,
    recipients: usageRows
      .filter(({ code }) => code !== UNATTRIBUTED_CODE)
      .map(({ code, bucket }) => ({ code, usageMinor: bucket.costMinor })),
    rule: input.sharedCosts ?? DEFAULT_SHARED_COST_RULE,
    knownCodes: new Set(map.costCentres.keys()),
  });
  const trueUpByCode = new Map<string, { acus: Acus; costMinor: bigint; centre: TrueUpCostCentre }>();
  for (const q of input.trueUps?.periods ?? []) {
    for (const centre of q.costCentres) {
      const sum = trueUpByCode.get(centre.code);
      trueUpByCode.set(centre.code, {
        acus: (sum?.acus ?? 0n) + centre.acus,
        costMinor: (sum?.costMinor ?? 0n) + centre.costMinor,
        centre: sum?.centre ?? centre,
      });
    }
  }
  const codes = new Set([...buckets.keys(), ...shared.byCode.keys(), ...trueUpByCode.keys()]);
  const rows = [...codes].map((code): CostCentreTotal => {
    const bucket = buckets.get(code) ?? { sessions: 0, acus: 0n, costMinor: 0n, orgs: new Map() };
    const centre = map.costCentres.get(code);
    const closed = trueUpByCode.get(code);
    const sharedHere = shared.byCode.get(code);
    const before = previous.byCode.get(code);
    const trueUpMinor = closed?.costMinor ?? 0n;
    const sharedMinor = sharedHere?.costMinor ?? 0n;
    const unmapped = code === UNMAPPED_CODE;
    return {
      code,
      name: centre?.name ?? closed?.centre.name ?? (unmapped ? UNMAPPED_NAME : UNATTRIBUTED_NAME),
      glAccount: centre?.glAccount ?? closed?.centre.glAccount ?? null,
      legalEntity:
        centre?.legalEntity ?? (closed !== undefined && !unmapped ? closed.centre.legalEntity : singleEntity),
      owners: centre?.owners ?? [],
      kind:
        centre !== undefined || (closed !== undefined && closed.centre.glAccount !== null)
          ? 'mapped'
          : unmapped
            ? 'unmapped'
            : 'unattributed',
      sessions: bucket.sessions,
      acus: bucket.acus,
      exactCost: costOf(bucket.acus, report.pricing),
      costMinor: bucket.costMinor,
      shareOfCost: shareOf(bucket.costMinor, report.totals.costMinor),
      orgIds: [...bucket.orgs]
        .sort(([idA, a], [idB, b]) => byAmountDescending(a, b) || byText(idA, idB))
        .map(([orgId]) => orgId),
      previousAcus: previous.available ? (before?.acus ?? null) : null,
      previousCostMinor: previous.available ? (before?.costMinor ?? null) : null,
      trueUpAcus: closed?.acus ?? 0n,
      trueUpMinor,
      sharedAcus: sharedHere?.acus ?? 0n,
      sharedMinor,
      postedMinor: bucket.costMinor + trueUpMinor + sharedMinor,
    };
  });
  rows.sort(
    (a, b) =>
      Number(a.kind !== 'mapped') - Number(b.kind !== 'mapped') ||
      byAmountDescending(a.costMinor, b.costMinor) ||
      byAmountDescending(a.postedMinor, b.postedMinor) ||
      byText(a.code, b.code),
  );
  const orgNames = new Map(report.orgs.map((org) => [org.orgId, org.orgName]));
  const unmappedOrgs = [...unmapped]
    .map(
      ([orgId, org]): UnmappedOrg => ({
        orgId,
        orgName: orgNames.get(orgId) ?? null,
        sessions: org.sessions,
        acus: org.acus,
        exactCost: costOf(org.acus, report.pricing),
        costMinor: org.costMinor,
      }),
    )
    .sort((a, b) => byAmountDescending(a.costMinor, b.costMinor) || byText(a.orgId, b.orgId));
  return {
    map,
    rows,
    unmappedOrgs,
    tagRulesApplied,
    movedByTag,
    tagConflicts: conflicts,
    previous: previous.available
      ? { available: true, label: previous.label }
      : { available: false, reason: previous.reason },
    orgSplits: [...orgSplits.values()].map(({ orgId, code, sum }) => ({
      orgId,
      code,
      ...sum,
      exactCost: costOf(sum.acus, report.pricing),
    })),
    userSplits: [...userSplits.values()].map(({ orgId, userId, code, sum }) => ({
      orgId,
      userId,
      code,
      ...sum,
      exactCost: costOf(sum.acus, report.pricing),
    })),
    ...(previous.available && previous.orgSplits !== undefined && { previousOrgSplits: previous.orgSplits }),
    journal: buildJournal(rows, {
      period: report.period,
      pricing: report.pricing,
      usageMinor: rows.reduce((sum, row) => sum + row.costMinor, 0n),
      creditAccounts: input.creditAccounts,
      journalId: input.journalId ?? journalIdOf(report.period, 'preview'),
      shared,
      trueUps: input.trueUps,
    }),
    shared,
    ...(input.trueUps !== undefined && { trueUps: input.trueUps }),
  };
}

interface SplitSum {
  sessions: number;
  acus: Acus;
  costMinor: bigint;
}

function addTo(sum: SplitSum, sessions: number, acus: Acus, costMinor: bigint): void {
  sum.sessions += sessions;
  sum.acus += acus;
  sum.costMinor += costMinor;
}

/** The one legal entity of the map, where Unmapped posts too; null when it has none or several. */
function onlyLegalEntity(map: CostCentreMap): string | null {
  const entities = new Set([...map.costCentres.values()].map((c) => c.legalEntity));
  const [only] = entities;
  return entities.size === 1 ? (only ?? null) : null;
}

type PreviousCostCentres =
  | {
      readonly available: true;
      readonly label: string;
      readonly byCode: ReadonlyMap<string, { acus: Acus; costMinor: bigint }>;
      /** Absent when the previous summary.json did not record its org × cost-centre usage. */
      readonly orgSplits?: readonly PreviousOrgSplit[];
    }
  | {
      readonly available: false;
      readonly reason: string;
      readonly byCode: ReadonlyMap<string, { acus: Acus; costMinor: bigint }>;
    };

function previousCostCentres(
  previous: SummaryDocument | { readonly reason: string } | undefined,
): PreviousCostCentres {
  if (previous === undefined) return { available: false, reason: 'not requested', byCode: new Map() };
  if (!('schemaVersion' in previous)) return { available: false, reason: previous.reason, byCode: new Map() };
  if (previous.costCentres === undefined) {
    return {
      available: false,
      reason: `the ${previous.period.label} report was built without a cost-centre map`,
      byCode: new Map(),
    };
  }
  return {
    available: true,
    label: previous.period.label,
    byCode: new Map(
      previous.costCentres.map((row) => [
        row.code,
        { acus: decimalStringToScaled(row.acus.exact, ACU_DECIMALS), costMinor: BigInt(row.cost.minor) },
      ]),
    ),
    ...(previous.orgCostCentres !== undefined && {
      orgSplits: previous.orgCostCentres.map((split) => ({
        orgId: split.orgId,
        code: split.code,
        acus: decimalStringToScaled(split.acus.exact, ACU_DECIMALS),
        costMinor: BigInt(split.cost.minor),
      })),
    }),
  };
}
