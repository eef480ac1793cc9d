import { formatAcus, formatShare, formatSignedAcus } from '#core/money/format.js';
import type { Pricing } from '#core/money/pricing.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { OrgChange } from '#core/report/period-comparison.js';
import { byAmountDescending, byText } from '#core/report/rank.js';
import { shareOf } from '#core/report/share.js';
import { cleanApiText } from './clean-api-text.js';
import type { Cell, Table } from './email-content.js';
import { formatAmount, formatSignedShare } from './email-figures.js';

/** How many orgs "What changed" names before it sums the rest into one row. */
export const TOP_MOVERS = 5;

/** "+1,185.71", "-2.83", "0.00": an amount under a "(USD)" header that always shows its direction. */
export function formatSignedAmount(
  minor: bigint,
  pricing: Pick<Pricing, 'currency' | 'minorDigits'>,
): string {
  if (minor < 0n) return `-${formatAmount(-minor, pricing)}`;
  return minor > 0n ? `+${formatAmount(minor, pricing)}` : formatAmount(minor, pricing);
}

/** The change of a cost as a share of the previous one; "new" when there was none before. */
export function costChangeShareText(changeMinor: bigint, previousMinor: bigint | null): string {
  if (previousMinor === null || previousMinor === 0n) return changeMinor === 0n ? '–' : 'new';
  return formatSignedShare(shareOf(changeMinor, previousMinor));
}

function orgLabel(change: Pick<OrgChange, 'orgId' | 'orgName'>): Cell {
  return change.orgName === null
    ? { text: cleanApiText(change.orgId) }
    : { text: cleanApiText(change.orgName), detail: cleanApiText(change.orgId) };
}

/**
 * "What changed": the orgs that moved the cost most (by the size of their
 * change in money, up or down), the rest summed in one row, and a total row
 * that is the period's change, so the rows explain all of it. Null without a
 * previous period in the same currency.
 */
export function moversTable(report: ChargebackReport): Table | null {
  const { comparison, pricing } = report;
  if (!comparison.available || comparison.changeCostMinor === null || comparison.previousCostMinor === null)
    return null;
  const changes = comparison.orgs.filter(
    (c): c is OrgChange & { changeCostMinor: bigint } => c.changeCostMinor !== null,
  );
  const magnitude = (minor: bigint) => (minor < 0n ? -minor : minor);
  const ranked = [...changes].sort(
    (a, b) =>
      byAmountDescending(magnitude(a.changeCostMinor), magnitude(b.changeCostMinor)) ||
      byText(a.orgId, b.orgId),
  );
  const top = ranked.slice(0, TOP_MOVERS);
  const current = new Map(report.orgs.map((org) => [org.orgId, org.costMinor]));
  const row = (cell: Cell, change: bigint, previous: bigint | null, now: bigint, acus: string): Cell[] => [
    cell,
    { text: formatSignedAmount(change, pricing) },
    { text: costChangeShareText(change, previous) },
    { text: previous === null ? '–' : formatAmount(previous, pricing) },
    { text: formatAmount(now, pricing) },
    { text: acus },
  ];
  const rows = top.map((c) =>
    row(
      orgLabel(c),
      c.changeCostMinor,
      c.previousCostMinor,
      current.get(c.orgId) ?? 0n,
      formatSignedAcus(c.changeAcus),
    ),
  );
  // The rest, and anything the orgs do not carry, so the rows add up to the period's change.
  const shownChange = top.reduce((sum, c) => sum + c.changeCostMinor, 0n);
  const shownPrevious = top.reduce((sum, c) => sum + (c.previousCostMinor ?? 0n), 0n);
  const shownNow = top.reduce((sum, c) => sum + (current.get(c.orgId) ?? 0n), 0n);
  const shownAcus = top.reduce((sum, c) => sum + c.changeAcus, 0n);
  const restChange = comparison.changeCostMinor - shownChange;
  const restCount = changes.length - top.length;
  if (restCount > 0 || restChange !== 0n) {
    const restPrevious = comparison.previousCostMinor - shownPrevious;
    rows.push(
      row(
        { text: restCount > 0 ? `${restCount} other ${restCount === 1 ? 'org' : 'orgs'}` : 'Other' },
        restChange,
        restPrevious,
        report.totals.costMinor - shownNow,
        formatSignedAcus(comparison.changeAcus - shownAcus),
      ),
    );
  }
  return {
    columns: [
      { header: 'Org', align: 'left' },
      { header: `Change (${pricing.currency})`, align: 'right' },
      { header: 'Change %', align: 'right', secondary: true },
      { header: `Previous (${pricing.currency})`, align: 'right', secondary: true },
      { header: `Now (${pricing.currency})`, align: 'right' },
      { header: 'Change (ACUs)', align: 'right', secondary: true },
    ],
    rows,
    totalRow: row(
      { text: 'Total' },
      comparison.changeCostMinor,
      comparison.previousCostMinor,
      report.totals.costMinor,
      formatSignedAcus(comparison.changeAcus),
    ),
    emptyText: 'No usage in either period.',
  };
}

/**
 * The journal's view: usage cost by the cost centre the money went to, what the
 * journal posts there when true-ups or shared products add to it, and the
 * previous period's usage and the change when there is one. Null without a map.
 */
export function costCentreTable(report: ChargebackReport): Table | null {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return null;
  const { pricing } = report;
  const compared = costCentres.previous.available;
  const change = (now: bigint, previous: bigint | null): Cell[] =>
    compared
      ? [
          { text: previous === null ? 'new' : formatSignedAmount(now - previous, pricing) },
          { text: previous === null ? '–' : formatAmount(previous, pricing) },
        ]
      : [];
  const previousTotal = costCentres.rows.reduce((sum, row) => sum + (row.previousCostMinor ?? 0n), 0n);
  // What the journal debits (usage + true-ups + shared products), shown when it differs from the usage.
  const postedTotal = costCentres.rows.reduce((sum, row) => sum + row.postedMinor, 0n);
  const showPosted = costCentres.rows.some((row) => row.postedMinor !== row.costMinor);
  const posted = (minor: bigint): Cell[] => (showPosted ? [{ text: formatAmount(minor, pricing) }] : []);
  return {
    columns: [
      { header: 'Cost centre', align: 'left' },
      { header: `Cost (${pricing.currency})`, align: 'right' },
      ...(showPosted ? ([{ header: `Posted (${pricing.currency})`, align: 'right' }] as const) : []),
      ...(compared
        ? ([
            { header: `Change (${pricing.currency})`, align: 'right' },
            { header: `Previous (${pricing.currency})`, align: 'right', secondary: true },
          ] as const)
        : []),
      { header: 'ACUs', align: 'right', secondary: true },
      { header: 'Share of cost', align: 'right', secondary: true },
    ],
    rows: costCentres.rows.map((row) => [
      { text: cleanApiText(row.code), detail: cleanApiText(row.name) },
      { text: formatAmount(row.costMinor, pricing) },
      ...posted(row.postedMinor),
      ...change(row.costMinor, row.previousCostMinor),
      { text: formatAcus(row.acus) },
      { text: formatShare(row.shareOfCost) },
    ]),
    totalRow: [
      { text: 'Total' },
      { text: formatAmount(report.totals.costMinor, pricing) },
      ...posted(postedTotal),
      ...change(report.totals.costMinor, previousTotal),
      { text: formatAcus(report.totals.acus) },
      { text: report.totals.costMinor > 0n ? formatShare(1) : '–' },
    ],
    emptyText: 'No cost to charge to a cost centre in this period.',
  };
}
