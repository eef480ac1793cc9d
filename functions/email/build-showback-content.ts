import type { CostCentreTotal } from '#core/cost-centres/cost-centre-report.js';
import { type PostedSum, postedSum } from '#core/cost-centres/posted-sum.js';
import { GLOSSARY, label } from '#core/glossary/glossary.js';
import { formatAcus, formatMoney } from '#core/money/format.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import { isPreliminary } from '#core/report/run-status.js';
import { shareOf } from '#core/report/share.js';
import { PRELIMINARY_NOTICE, unsettledSentence } from '#core/report/unsettled-sentence.js';
import type { Cell, EmailContent, Figure, Paragraph, Table } from './email-content.js';
import { formatCount, formatSignedMoney, formatSignedShare, formatUnitPrice } from './email-figures.js';
import { orgTable, SHARE_OF_COST, statusTable, topUsersTable } from './email-tables.js';
import { describeLinkExpiry, formatUtcMinute } from './link-expiry.js';
import { costCentreTable } from './money-tables.js';
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
  /** The journal that posts these figures: its file name and id, named in the email. */
  readonly journal?: { readonly fileName: string; readonly journalId: string } | undefined;
}): EmailContent {
  const { slice, costCentres, run, delivery } = input;
  const { totals, pricing, period } = slice;
  // The owner's figure is what the journal debits them, not their usage alone.
  const posted = postedSum(costCentres);
  const cost = formatMoney(posted.postedMinor, pricing);
  const names = costCentres.map((row) => `${row.code} ${row.name}`);
  const demo = run.source === 'demo' ? '[Demo] ' : '';
  const title = `Devin usage — ${period.label}`;
  // The same notices finance's email carries: an owner must not read figures that can still change as final.
  const unsettled = unsettledSentence(slice.unsettled, pricing);
  const preliminary = isPreliminary(slice);
  const change = sliceCostChange(slice, costCentres);
  return {
    subject: `${demo}${preliminary ? '[Preliminary] ' : ''}${title} — ${names.join(', ')}: ${cost}`,
    title,
    preview: [
      preliminary ? 'Preliminary.' : null,
      unsettled,
      `${names.join(', ')}: ${cost} for ${formatAcus(totals.acus)} ACUs, ${formatCount(totals.sessions)} sessions.`,
    ]
      .filter((part) => part !== null)
      .join(' '),
    headline: [
      { label: label('posted'), value: cost },
      { label: label('usage'), value: formatMoney(posted.usageMinor, pricing) },
      ...(change === null ? [] : [change]),
      {
        label: slice.costBasis === 'billed' ? 'Billed ACUs' : 'ACUs',
        value: `${formatAcus(totals.acus)} at ${formatUnitPrice(pricing)} per ACU`,
      },
    ],
    notices: [
      run.source === 'demo'
        ? "Demo data: built from the project's sample data set, not from a Devin account. Do not charge back."
        : null,
      // The same words finance's email uses: an owner must not read a month that can still grow as final.
      preliminary ? PRELIMINARY_NOTICE : null,
      unsettled,
      `You receive this as budget owner of ${names.join(' and ')} in the cost-centre map finance keeps. The figures cover only ${costCentres.length === 1 ? 'this cost centre' : 'these cost centres'}.`,
    ].filter((notice) => notice !== null),
    figures: [
      { label: 'Period', value: `${period.label} (${period.timeZone})` },
      { label: 'Sessions', value: formatCount(totals.sessions) },
      { label: GLOSSARY.acu.abbreviation, value: GLOSSARY.acu.expansion },
      ...postedFigures(posted, slice, input.journal),
      ...costCentreFigures(slice, costCentres.length > 1),
    ],
    movers: null,
    costCentres: costCentres.length > 1 ? costCentreTable(slice) : null,
    // Shares of one team's slice say little, and a phone has no room for them.
    orgs: withoutColumns(orgTable(slice), [SHARE_OF_COST]),
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
    workbookLead: [],
    workbook: workbookParagraphs(delivery, run, names),
    footer: [
      'Questions about these figures or the cost-centre map: reply to this email; it goes to finance.',
      `Run ${run.runId} · generated ${formatUtcMinute(run.generatedAt)} by ${run.generator}`,
    ],
  };
}

/**
 * The slice's change in money against the previous period, from its cost
 * centres' previous cost (the slice has no org comparison); null without one.
 */
function sliceCostChange(slice: ChargebackReport, rows: readonly CostCentreTotal[]): Figure | null {
  const previous = slice.costCentres?.previous;
  if (previous === undefined || !previous.available) return null;
  const before = rows.reduce((sum, row) => sum + (row.previousCostMinor ?? 0n), 0n);
  const now = rows.reduce((sum, row) => sum + row.costMinor, 0n);
  const share = before === 0n ? ' (new)' : ` (${formatSignedShare(shareOf(now - before, before))})`;
  return {
    label: `Change vs ${previous.label}`,
    value: `${formatSignedMoney(now - before, slice.pricing)}${share}, from ${formatMoney(before, slice.pricing)}`,
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

/**
 * What the journal posts to the owner, by part, and the journal that posts it: the same
 * words and cents as finance's email and the journal's debits to these cost centres.
 */
function postedFigures(
  posted: PostedSum,
  slice: ChargebackReport,
  journal: { readonly fileName: string; readonly journalId: string } | undefined,
): Figure[] {
  const money = (minor: bigint) => formatMoney(minor, slice.pricing);
  return [
    {
      label: label('posted'),
      value: `${label('usage').toLowerCase()} ${money(posted.usageMinor)} + ${label('trueUp').toLowerCase()} ${money(posted.trueUpMinor)} + ${label('sharedProducts').toLowerCase()} ${money(posted.sharedMinor)} = ${money(posted.postedMinor)}`,
    },
    ...(journal === undefined
      ? []
      : [
          {
            label: 'Journal',
            value: `${journal.fileName} (journal ${journal.journalId}) debits ${money(posted.postedMinor)} to you`,
          },
        ]),
  ];
}

/** With one cost centre the headline says its change; without a previous period, say why there is none. */
function costCentreFigures(slice: ChargebackReport, several: boolean): Figure[] {
  const previous = slice.costCentres?.previous;
  if (several || previous === undefined || previous.available) return [];
  return [{ label: 'Change', value: 'No previous period to compare with' }];
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
