import type { CostCentreTotal } from '../core/cost-centres/cost-centre-report.js';
import { formatAcus, formatMoney } from '../core/money/format.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import type { RunInfo } from '../core/report/run-info.js';
import { shareOf } from '../core/report/share.js';
import type { Cell, EmailContent, Figure, Paragraph, Table } from './email-content.js';
import { formatCount, formatSignedShare, formatUnitPrice } from './email-figures.js';
import { orgTable, statusTable, topUsersTable } from './email-tables.js';
import { describeLinkExpiry, formatUtcMinute } from './link-expiry.js';
import type { EmailDelivery } from './render-chargeback-email.js';

/**
 * A budget owner's email: their cost centres' figures and nothing of any
 * other team's. `slice` is the report cut to those cost centres (sliceReport).
 */
export function buildShowbackContent(input: {
  readonly slice: ChargebackReport;
  readonly costCentres: readonly CostCentreTotal[];
  readonly run: RunInfo;
  readonly delivery: EmailDelivery;
}): EmailContent {
  const { slice, costCentres, run, delivery } = input;
  const { totals, pricing, period } = slice;
  const cost = formatMoney(totals.costMinor, pricing);
  const names = costCentres.map((row) => `${row.code} ${row.name}`);
  const demo = run.source === 'demo' ? '[Demo] ' : '';
  const title = `Devin usage — ${period.label}`;
  return {
    subject: `${demo}${title} — ${names.join(', ')}: ${cost}`,
    title,
    preview: `${names.join(', ')}: ${formatAcus(totals.acus)} ACUs, ${cost}, ${formatCount(totals.sessions)} sessions.`,
    notices: [
      run.source === 'demo'
        ? "Demo data: built from the project's sample data set, not from a Devin account. Do not charge back."
        : null,
      `You receive this as budget owner of ${names.join(' and ')} in the cost-centre map finance keeps. The figures cover only ${costCentres.length === 1 ? 'this cost centre' : 'these cost centres'}.`,
    ].filter((notice) => notice !== null),
    figures: [
      { label: 'Period', value: `${period.label} (${period.timeZone})` },
      { label: 'Sessions', value: formatCount(totals.sessions) },
      { label: slice.costBasis === 'billed' ? 'Billed ACUs' : 'ACUs', value: formatAcus(totals.acus) },
      { label: 'Unit price', value: `${formatUnitPrice(pricing)} per ACU` },
      { label: 'Cost', value: cost },
      ...costCentres.flatMap((row) => costCentreFigures(row, slice, costCentres.length > 1)),
    ],
    // Shares of one team's slice say little, and a phone has no room for them.
    orgs: withoutColumns(orgTable(slice), ['Share of ACUs']),
    // One org says itself in the table above: the column would only squeeze the names.
    topUsers: withoutColumns(
      topUsersTable(slice),
      slice.orgs.length === 1 ? ['Sessions', 'Org'] : ['Sessions'],
    ),
    // Error sessions in their own slice are what an owner raises a vendor credit claim from.
    statuses: statusTable(slice),
    download: delivery.link
      ? { text: `Download ${delivery.workbookFileName}`, url: delivery.link.url }
      : null,
    workbook: workbookParagraphs(delivery, run, names),
    footer: [
      'Questions about these figures or the cost-centre map: reply to finance.',
      `Run ${run.runId} · generated ${formatUtcMinute(run.generatedAt)} by ${run.generator}`,
    ],
  };
}

function withoutColumns(table: Table, headers: readonly string[]): Table {
  const keep = table.columns.map((column) => !headers.includes(column.header));
  const cells = (row: readonly Cell[]) => row.filter((_, i) => keep[i]);
  return {
    ...table,
    columns: table.columns.filter((_, i) => keep[i]),
    rows: table.rows.map(cells),
    ...(table.totalRow && { totalRow: cells(table.totalRow) }),
  };
}

function costCentreFigures(row: CostCentreTotal, slice: ChargebackReport, several: boolean): Figure[] {
  const { pricing } = slice;
  const figures: Figure[] = several
    ? [
        {
          label: row.code,
          value: `${formatMoney(row.costMinor, pricing)} · ${formatCount(row.sessions)} sessions · ${formatAcus(row.acus)} ACUs`,
        },
      ]
    : [];
  const previous = slice.costCentres?.previous;
  if (previous === undefined || !previous.available) {
    return [
      ...figures,
      {
        label: several ? `${row.code} change` : 'Change',
        value: previous?.available === false ? 'No previous period to compare with' : '—',
      },
    ];
  }
  const change =
    row.previousAcus === null || row.previousAcus === 0n
      ? `new since ${previous.label}`
      : `${formatSignedShare(shareOf(row.acus - row.previousAcus, row.previousAcus))} ACUs vs ${previous.label} (${formatAcus(row.previousAcus)} ACUs${row.previousCostMinor === null ? '' : `, ${formatMoney(row.previousCostMinor, pricing)}`})`;
  return [...figures, { label: several ? `${row.code} change` : 'Change', value: change }];
}

function workbookParagraphs(delivery: EmailDelivery, run: RunInfo, names: readonly string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [
    [
      {
        kind: 'text',
        text: `The workbook holds only ${names.join(' and ')}: its orgs, users and sessions, in the same sheets as finance's report.`,
      },
    ],
  ];
  if (delivery.link)
    paragraphs.push([{ kind: 'text', text: describeLinkExpiry(delivery.link.expiresAt, run.generatedAt) }]);
  if (delivery.location?.kind === 'file') {
    paragraphs.push([
      { kind: 'text', text: 'The workbook is saved at ' },
      { kind: 'code', text: delivery.location.path },
      { kind: 'text', text: '.' },
    ]);
  }
  return paragraphs;
}
