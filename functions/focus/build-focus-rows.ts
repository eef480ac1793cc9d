import type { Acus } from '#core/money/acus.js';
import { allocateMinorUnits } from '#core/money/allocate-minor-units.js';
import { costOf } from '#core/money/cost.js';
import type { Pricing } from '#core/money/pricing.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import { UNATTRIBUTED_ORG_ID } from '#core/report/unattributed.js';
import type { Session } from '#core/session.js';
import type { BillingAccount } from './billing-account.js';
import { ALLOCATION_COLUMNS, COST_SCALE, type FocusColumn, focusColumns } from './focus-columns.js';
import { DEVIN_FOCUS_CONSTANTS as DEVIN, type FocusRow, type FocusValue } from './focus-row.js';
import { FocusRowError } from './focus-row-error.js';
import { postingRowCount, postingRows } from './posting-rows.js';

export interface FocusDatasetInput {
  readonly report: ChargebackReport;
  /** The sessions the report was built from, in the same order (sessionCostMinor is aligned with them). */
  readonly sessions: Iterable<Session>;
  readonly run: RunInfo;
  readonly account: BillingAccount;
  /**
   * Each session's cost centre, when the report assigns them (issue 11). The
   * one place cost centres come in: given, the dataset gains x_CostCentre.
   */
  readonly costCentreOf?: ((session: Session, index: number) => string | null) | undefined;
  /** The cost centre of an org's billed-basis rows (the bill has no sessions); with `costCentreOf`. */
  readonly costCentreOfOrg?: ((orgId: string) => string | null) | undefined;
}

/** A run of consecutive rows, column by column: what the writers consume. */
export interface FocusChunk {
  readonly length: number;
  /** Each column's values for these rows, keyed by column name. */
  readonly values: ReadonlyMap<string, readonly FocusValue[]>;
}

/**
 * The rows of one report, produced a chunk at a time and column by column,
 * so a million sessions never sit in memory as a million row objects.
 */
export interface FocusDataset {
  readonly columns: readonly FocusColumn[];
  readonly rowCount: number;
  chunks(rowsPerChunk: number): Iterable<FocusChunk>;
  /** Row by row, for tests and small datasets. */
  rows(): Iterable<FocusRow>;
}

/**
 * One Usage row per session (ChargePeriod = the report period, the grain at
 * which the report knows ACUs), plus on the billed basis one row per org for
 * the billed ACUs its sessions do not carry; with cost centres, the shared
 * products split over them and earlier periods' true-ups (postingRows), so
 * BilledCost adds up exactly to what the journal posts.
 *
 * BilledCost and EffectiveCost are the allocated cents the workbook shows (a
 * session's cents, or an org's billed cents less its sessions' cents);
 * ContractedCost and ListCost are the exact ACUs × price, never rounded.
 */
export function buildFocusDataset(input: FocusDatasetInput): FocusDataset {
  const { report, sessions } = input;
  const columns = focusColumns({ costCentres: input.costCentreOf !== undefined });
  const residuals = report.costBasis === 'billed' ? billedResiduals(report, sessions) : [];
  const sessionCount = report.sessionCostMinor.length;
  const fixedRows = residuals.length + postingRowCount(report);
  const rowCount = sessionCount + fixedRows;
  function* chunks(rowsPerChunk: number): Generator<FocusChunk> {
    const common = commonValues(input);
    const names = namesOf(report);
    const getters = sessionGetters(input, common, names);
    const residualRows: Record<string, FocusValue>[] = [
      ...residuals.map((r) => residualRow(input, common, names, r)),
      ...postingRows(report, common, names.orgs, names.users),
    ];
    if (residualRows.length !== fixedRows) {
      throw new RangeError(`expected ${fixedRows} rows beside the sessions, built ${residualRows.length}`);
    }
    // One chunk of sessions at a time: a month of sessions streams past and is never held.
    const iterator = sessions[Symbol.iterator]();
    let sessionIndex = 0;
    for (let start = 0; start < rowCount; start += rowsPerChunk) {
      const end = Math.min(rowCount, start + rowsPerChunk);
      const batch: Session[] = [];
      while (sessionIndex < Math.min(end, sessionCount)) {
        const next = iterator.next();
        if (next.done)
          throw new RangeError(
            `the report costs ${sessionCount} sessions but only ${sessionIndex} were given`,
          );
        batch.push(next.value);
        sessionIndex += 1;
      }
      const values = new Map<string, FocusValue[]>();
      for (const column of columns) {
        const getter = getters[column.name];
        if (getter === undefined) throw new FocusRowError(column.name, undefined);
        const data = new Array<FocusValue>(end - start);
        for (let g = start; g < end; g++) {
          data[g - start] =
            g < sessionCount
              ? getter(batch[g - start] as Session, g)
              : (residualRows[g - sessionCount]?.[column.name] ?? null);
        }
        values.set(column.name, data);
      }
      yield { length: end - start, values };
    }
  }
  return {
    columns,
    rowCount,
    chunks,
    *rows() {
      for (const chunk of chunks(1000)) {
        for (let k = 0; k < chunk.length; k++) {
          const row: Record<string, FocusValue> = {};
          for (const column of columns) row[column.name] = chunk.values.get(column.name)?.[k] ?? null;
          yield row;
        }
      }
    },
  };
}

type Common = Readonly<Record<string, string | Date | null>>;

function commonValues({ report, run, account }: FocusDatasetInput): Common {
  const { period, pricing } = report;
  return {
    BillingAccountId: account.id,
    BillingAccountName: account.name,
    BillingCurrency: pricing.currency,
    BillingPeriodStart: period.from,
    BillingPeriodEnd: period.to,
    ChargePeriodStart: period.from,
    ChargePeriodEnd: period.to,
    ChargeClass: null,
    HostProviderName: DEVIN.provider,
    InvoiceIssuerName: DEVIN.provider,
    ProviderName: DEVIN.provider,
    PublisherName: DEVIN.provider,
    ServiceProviderName: DEVIN.provider,
    ServiceName: DEVIN.serviceName,
    ServiceCategory: DEVIN.serviceCategory,
    ServiceSubcategory: DEVIN.serviceSubcategory,
    x_CostBasis: report.costBasis,
    x_RunId: run.runId,
  };
}

interface Names {
  readonly orgs: ReadonlyMap<string, string | null>;
  readonly users: ReadonlyMap<string, { readonly name: string | null; readonly email: string | null }>;
}

/** Names as the report resolved them: every org and named user appears in its org table. */
function namesOf(report: ChargebackReport): Names {
  const orgs = new Map<string, string | null>();
  const users = new Map<string, { name: string | null; email: string | null }>();
  for (const org of report.orgs) {
    orgs.set(org.orgId, org.orgName);
    for (const user of org.users) {
      if (user.userId !== null && !users.has(user.userId)) {
        users.set(user.userId, { name: user.userName, email: user.email });
      }
    }
  }
  return { orgs, users };
}

/** Exact figures of a row: ACUs at the quantity scale, costs at the cost scale. */
function money(acus: Acus, billedMinor: bigint, pricing: Pricing) {
  const contracted = costOf(acus, pricing);
  const billed = billedMinor * 10n ** BigInt(COST_SCALE - pricing.minorDigits);
  return {
    PricingQuantity: acus,
    PricingUnit: DEVIN.unit,
    ContractedUnitPrice: pricing.unitPriceScaled,
    ContractedCost: contracted,
    // No public list price is configured: ListCost is the contracted cost, as common practice has it.
    ListCost: contracted,
    BilledCost: billed,
    EffectiveCost: billed,
  };
}

type Getter = (session: Session, index: number) => FocusValue;

/** Each column of a session row as a function of the session: no object per row. */
function sessionGetters(input: FocusDatasetInput, common: Common, names: Names): Record<string, Getter> {
  const { report, costCentreOf } = input;
  const { pricing } = report;
  const billedScale = 10n ** BigInt(COST_SCALE - pricing.minorDigits);
  const constant =
    (value: FocusValue): Getter =>
    () =>
      value;
  const billed: Getter = (_, i) => (report.sessionCostMinor[i] ?? 0n) * billedScale;
  const contracted: Getter = (s) => costOf(s.acus, pricing);
  const getters: Record<string, Getter> = {
    ...Object.fromEntries(Object.entries(common).map(([name, value]) => [name, constant(value)])),
    PricingQuantity: (s) => s.acus,
    PricingUnit: constant(DEVIN.unit),
    ContractedUnitPrice: constant(pricing.unitPriceScaled),
    ContractedCost: contracted,
    // No public list price is configured: ListCost is the contracted cost, as common practice has it.
    ListCost: contracted,
    BilledCost: billed,
    EffectiveCost: billed,
    ChargeCategory: constant('Usage'),
    ChargeFrequency: constant('Usage-Based'),
    ChargeDescription: constant('Devin ACUs consumed by one session'),
    ConsumedQuantity: (s) => s.acus,
    ConsumedUnit: constant(DEVIN.unit),
    ResourceId: (s) => s.sessionId,
    // The spec forbids a name that only repeats the id: an untitled session has none.
    ResourceName: (s) => (s.title.trim() === '' || s.title === s.sessionId ? null : s.title),
    ResourceType: constant(DEVIN.resourceType),
    SubAccountId: (s) => s.orgId,
    // Name non-null exactly when the id is: the id stands in when the directory had no name.
    SubAccountName: (s) => names.orgs.get(s.orgId) ?? s.orgId,
    Tags: (s) => tagsJson(s.tags),
    x_UserId: (s) => s.userId,
    x_UserName: (s) => (s.userId === null ? null : (names.users.get(s.userId)?.name ?? null)),
    x_UserEmail: (s) => (s.userId === null ? null : (names.users.get(s.userId)?.email ?? null)),
    x_SessionUrl: (s) => s.url,
  };
  if (costCentreOf !== undefined) {
    getters.x_CostCentre = costCentreOf;
    for (const column of ALLOCATION_COLUMNS) getters[column.name] = constant(null);
  }
  return getters;
}

/** Billed ACUs and cents of one org beyond (or, when negative, short of) what its sessions carry. */
interface Residual {
  readonly orgId: string;
  readonly acus: Acus;
  readonly costMinor: bigint;
  /** For ACUs billed outside any org, when the bill names the product (v3): one row per product. */
  readonly product?: string;
}

function billedResiduals(report: ChargebackReport, sessions: Iterable<Session>): Residual[] {
  const sessionAcus = new Map<string, Acus>();
  const sessionMinor = new Map<string, bigint>();
  let i = -1;
  for (const { orgId, acus } of sessions) {
    i += 1;
    sessionAcus.set(orgId, (sessionAcus.get(orgId) ?? 0n) + acus);
    sessionMinor.set(orgId, (sessionMinor.get(orgId) ?? 0n) + (report.sessionCostMinor[i] ?? 0n));
  }
  return (
    report.orgs
      .map((org) => ({
        orgId: org.orgId,
        acus: org.acus - (sessionAcus.get(org.orgId) ?? 0n),
        costMinor: org.costMinor - (sessionMinor.get(org.orgId) ?? 0n),
      }))
      .filter((r) => r.acus !== 0n || r.costMinor !== 0n)
      // Charged back by the shared-cost rule: postingRows splits it over cost centres instead.
      .filter((r) => !(r.orgId === UNATTRIBUTED_ORG_ID && sharedAllocated(report)))
      .flatMap((r) => (r.orgId === UNATTRIBUTED_ORG_ID ? byProduct(report, r) : [r]))
  );
}

/**
 * The no-org residual split by product (Cascade, Terminal, …) when the bill
 * says so and its products add up to it; the cents are shared by largest
 * remainder, so the rows still add up to the org's cents exactly.
 */
function byProduct(report: ChargebackReport, residual: Residual): Residual[] {
  const products =
    report.reconciliation.available && report.reconciliation.reconciliation.unattributedByProduct;
  if (!products) return [residual];
  const parts = [...products].filter(([, acus]) => acus !== 0n);
  const sum = parts.reduce((total, [, acus]) => total + acus, 0n);
  if (parts.length === 0 || sum !== residual.acus || parts.some(([, acus]) => acus < 0n)) return [residual];
  const cents = allocateMinorUnits(
    residual.costMinor,
    parts.map(([, acus]) => costOf(acus, report.pricing)),
    report.pricing,
  );
  return parts.map(([product, acus], i) => ({ ...residual, acus, costMinor: cents[i] ?? 0n, product }));
}

function sharedAllocated(report: ChargebackReport): boolean {
  const shared = report.costCentres?.shared;
  return shared !== undefined && shared.unallocated === null && shared.charges.length > 0;
}

function residualRow(input: FocusDatasetInput, common: Common, names: Names, residual: Residual) {
  const outsideOrgs = residual.orgId === UNATTRIBUTED_ORG_ID;
  // More billed than the sessions carry is usage (carried-in sessions, products outside sessions);
  // less is an adjustment: ACUs of this period's sessions that the vendor bills in another period.
  const usage = residual.acus > 0n || (residual.acus === 0n && residual.costMinor >= 0n);
  const row: Record<string, FocusRow[string]> = {
    ...common,
    ...money(residual.acus, residual.costMinor, input.report.pricing),
    ChargeCategory: usage ? 'Usage' : 'Adjustment',
    ChargeFrequency: usage ? 'Usage-Based' : 'One-Time',
    ChargeDescription: outsideOrgs
      ? residual.product !== undefined
        ? `Devin ACUs billed outside any org: ${residual.product} (a product that is not sessions)`
        : 'Devin ACUs billed outside any org (products that are not sessions, such as Cascade and Terminal)'
      : usage
        ? "Devin ACUs billed to this org beyond its sessions' ACUs (sessions created in an earlier period)"
        : "ACUs of this org's sessions that the vendor bills in another period",
    // FOCUS: ConsumedQuantity is for Usage rows only.
    ConsumedQuantity: usage ? residual.acus : null,
    ConsumedUnit: usage ? DEVIN.unit : null,
    ResourceId: null,
    ResourceName: null,
    ResourceType: null,
    SubAccountId: outsideOrgs ? null : residual.orgId,
    SubAccountName: outsideOrgs ? null : (names.orgs.get(residual.orgId) ?? residual.orgId),
    Tags: null,
    x_UserId: null,
    x_UserName: null,
    x_UserEmail: null,
    x_SessionUrl: null,
  };
  if (input.costCentreOf !== undefined) {
    row.x_CostCentre = input.costCentreOfOrg?.(residual.orgId) ?? null;
    for (const column of ALLOCATION_COLUMNS) row[column.name] = null;
  }
  return row;
}

/** FOCUS KeyValueFormat: a flat object; Devin tags carry no value, so each is `true`. Null when untagged. */
export function tagsJson(tags: readonly string[]): string | null {
  if (tags.length === 0) return null;
  return JSON.stringify(Object.fromEntries(tags.map((tag) => [tag, true])));
}
