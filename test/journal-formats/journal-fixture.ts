import type { CostCentreTotal } from '#core/cost-centres/cost-centre-report.js';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { buildJournal, type Journal, journalIdOf } from '#core/cost-centres/journal.js';
import { acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import type { SharedCosts } from '#core/shared-costs/shared-costs.js';
import { parseErpMapping } from '#journal-formats/erp-mapping.js';
import type { FormatInput } from '#journal-formats/format-input.js';
import { shortReferenceOf } from '#journal-formats/journal-reference.js';
import type { TrueUps } from '#true-ups/true-up.js';

export const PRICING = parsePricing('2.25', 'USD');
export const NOVEMBER = monthPeriod('2026-11', 'UTC', new Date('2026-12-02T00:00:00Z'));
export const RUN_ID = 'run-7f3a';

export interface Centre {
  readonly code: string;
  readonly entity: string | null;
  readonly account: string | null;
  readonly usageMinor: bigint;
  readonly sharedMinor?: bigint;
  /** By the period label the true-up is for. */
  readonly trueUps?: Readonly<Record<string, bigint>>;
}

function row(c: Centre): CostCentreTotal {
  return {
    code: c.code,
    name: `Centre ${c.code}`,
    glAccount: c.account,
    legalEntity: c.entity,
    owners: [],
    kind: 'mapped',
    shareOfCost: 0,
    orgIds: [],
    previousAcus: null,
    previousCostMinor: null,
    trueUpAcus: 0n,
    trueUpMinor: 0n,
    sharedAcus: 0n,
    sharedMinor: c.sharedMinor ?? 0n,
    postedMinor: c.usageMinor,
    sessions: 1,
    acus: acusFromNumber(Number(c.usageMinor) / 225),
    exactCost: 0n,
    costMinor: c.usageMinor,
  };
}

/** A journal by the generic journal's own arithmetic (buildJournal), from cost-centre amounts. */
export function journalOf(centres: readonly Centre[], creditAccount = '2100;UK01=2150'): Journal {
  const labels = [...new Set(centres.flatMap((c) => Object.keys(c.trueUps ?? {})))];
  const periods = labels.map((label) => {
    const costCentres = centres
      .filter((c) => c.trueUps?.[label] !== undefined)
      .map((c) => ({ code: c.code, costMinor: c.trueUps?.[label] ?? 0n, acus: 0n }));
    return { period: { label }, costCentres };
  });
  const trueUpMinor = periods.flatMap((p) => p.costCentres).reduce((s, c) => s + c.costMinor, 0n);
  // buildJournal reads only these fields of a true-up and of the shared costs.
  const trueUps = { periods, costMinor: trueUpMinor } as unknown as TrueUps;
  const sharedCentres = centres.filter((c) => (c.sharedMinor ?? 0n) !== 0n);
  const shared = {
    charges: [{ product: 'devin-search', shares: [{}] }],
    unallocated: null,
    costMinor: sharedCentres.reduce((s, c) => s + (c.sharedMinor ?? 0n), 0n),
    byCode: new Map(sharedCentres.map((c) => [c.code, { acus: 0n, costMinor: c.sharedMinor ?? 0n }])),
  } as unknown as SharedCosts;
  return buildJournal(centres.map(row), {
    period: NOVEMBER,
    pricing: PRICING,
    usageMinor: centres.reduce((s, c) => s + c.usageMinor, 0n),
    creditAccounts: parseCreditAccounts(creditAccount, 'CREDIT_ACCOUNT'),
    journalId: journalIdOf(NOVEMBER, RUN_ID),
    shared: sharedCentres.length > 0 ? shared : undefined,
    trueUps: periods.length > 0 ? trueUps : undefined,
  });
}

/** Two entities, a shared-products share, a true-up either way: what a demo close posts. */
export const CENTRES: readonly Centre[] = [
  {
    code: 'CC-110',
    entity: 'US01',
    account: '6110',
    usageMinor: 1234567n,
    sharedMinor: 3100n,
    trueUps: { 'October 2026': 250n },
  },
  { code: 'CC-130', entity: 'US01', account: '6130', usageMinor: 98765n, trueUps: { 'October 2026': -400n } },
  { code: 'CC-240', entity: 'UK01', account: '6240', usageMinor: 45678n, sharedMinor: 900n },
];

export const MAPPING_CSV = [
  'level,key,netsuite_subsidiary,sap_company_code,oracle_ledger_id,oracle_je_source,oracle_je_category,oracle_segments,oracle_segment_value,xero_tax_rate,xero_tracking_category,qbo_date_format,netsuite_department,netsuite_class,sap_cost_center,xero_tracking_option,qbo_class,qbo_location,netsuite_account,qbo_account_name',
  'entity,US01,Northwind Inc.,1000,300000001,Devin Chargeback,Accrual,company|cost_centre|account|=0000,101,Tax Exempt,Cost Centre,,,,,,,,,',
  'entity,UK01,Northwind Ltd (UK),2000,300000002,Devin Chargeback,Accrual,company|cost_centre|account|=0000,201,No VAT,Cost Centre,DD/MM/YYYY,,,,,,,,',
  'cost_centre,CC-110,,,,,,,110,,,,Payments,Engineering,CC110,Payments Engineering,Payments,,,',
  'cost_centre,CC-130,,,,,,,130,,,,Mobile,Engineering,CC130,Mobile,Mobile,,,',
  'cost_centre,CC-240,,,,,,,240,,,,Growth,,CC240,Growth Marketing,,London,,',
  'account,6110,,,,,,,,,,,,,,,,,Software:Devin,Software:Devin Payments',
  'account,6130,,,,,,,,,,,,,,,,,,Software:Devin Mobile',
  'account,6240,,,,,,,,,,,,,,,,,,Software:Devin Growth',
  'account,2100,,,,,,,,,,,,,,,,,,Accrued Liabilities',
  'account,2150,,,,,,,,,,,,,,,,,,Accrued Liabilities UK',
].join('\r\n');

export function inputOf(journal: Journal, mappingCsv = MAPPING_CSV): FormatInput {
  return {
    journal,
    mapping: parseErpMapping(mappingCsv),
    shortReference: shortReferenceOf(NOVEMBER.slug, RUN_ID),
    minorDigits: PRICING.minorDigits,
    baseName: 'devin-acu-chargeback-2026-11.journal',
    createdOn: '2026-12-02',
  };
}
