import { GLOSSARY, glossaryEntries } from '#core/glossary/glossary.js';
import { formatUnitPrice } from '#core/money/format.js';
import type { ChargebackReport, NameSource } from '#core/report/chargeback-report.js';
import { onBehalfAssumption } from '#core/report/on-behalf-assumption.js';
import type { ReportFilters, RunInfo } from '#core/report/run-info.js';
import { isPreliminary } from '#core/report/run-status.js';
import { archivesText, listedSessionsText, rowLimitText } from '#core/report/session-row-limit.js';
import {
  PRELIMINARY_NOTICE,
  UNSETTLED_EXPLANATION,
  unsettledSentence,
} from '#core/report/unsettled-sentence.js';
import type { FetchStats } from '#core/session.js';
import { alignmentText, billingDaysText, costBasisText } from '../basis-text.js';
import { COUNT_FORMAT, DATE_TIME_FORMAT } from '../cell-formats.js';
import { MAX_CELL_TEXT, TRUNCATION_MARKER, textCell } from '../cell-values.js';
import { NAME_UNAVAILABLE } from '../display-names.js';
import { type Fact, writeFacts, writeNotice, writeSection, writeTitle } from '../fact-rows.js';
import { sheetOptions } from '../print-setup.js';
import { sentence } from '../sentence.js';
import { sessionCoverageOf } from '../session-coverage.js';
import { markedTitle } from '../table-sheet.js';
import { truncatedCellCount } from '../truncated-cells.js';
import type { WorkbookInput } from '../workbook-input.js';
import type { WorkbookSheet } from '../workbook-sheet.js';
import { sessionTagsShown } from './session-tags-sheet.js';
import { DEMO_NOTICE } from './summary-sheet.js';

/** Lines kept short instead of wrapped: not every viewer grows a row to fit wrapped text. */
// 36 + 80 units print one page wide at 75 % or more: the long values wrap (writeFacts).
const COLUMN_WIDTHS = [36, 80];

export const aboutSheet: WorkbookSheet = {
  name: 'About',
  async write(workbook, input) {
    const { report, run, stats } = input;
    const sheet = workbook.addWorksheet('About', sheetOptions(report, { widths: COLUMN_WIDTHS }));
    sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

    writeTitle(sheet, markedTitle('About this report', report));
    if (run.source === 'demo') writeNotice(sheet, DEMO_NOTICE, COLUMN_WIDTHS.length);
    writeSection(sheet, 'Parameters');
    writeFacts(sheet, parameterFacts(report, run), COLUMN_WIDTHS[1]);
    writeSection(sheet, 'How sessions are counted');
    writeFacts(sheet, attributionFacts(report), COLUMN_WIDTHS[1]);
    writeSection(sheet, 'Settled and unsettled figures');
    writeFacts(sheet, unsettledFacts(report), COLUMN_WIDTHS[1]);
    writeSection(sheet, 'Counts');
    writeFacts(sheet, [...countFacts(report, stats), ...workbookLimitFacts(input)], COLUMN_WIDTHS[1]);
    writeSection(sheet, 'Names');
    writeFacts(sheet, nameFacts(report), COLUMN_WIDTHS[1]);
    // One name per thing: the labels every sheet, the emails and the docs use.
    writeSection(sheet, 'Glossary');
    writeFacts(
      sheet,
      // An owner's slice has no Unmapped line to explain (and must not name one).
      glossaryEntries()
        .filter((term) => report.costCentres?.sliceOf === undefined || term !== GLOSSARY.unmapped)
        .map((term) => ({ label: term.label, value: term.definition })),
      COLUMN_WIDTHS[1],
    );
    writeSection(sheet, 'Run');
    writeFacts(sheet, runFacts(run), COLUMN_WIDTHS[1]);
    sheet.commit();
  },
};

function parameterFacts(report: ChargebackReport, run: RunInfo): readonly Fact[] {
  const { period, pricing } = report;
  return [
    { label: 'Period', value: period.label },
    { label: 'Days (in the time zone)', value: `${period.firstDay} to ${period.lastDay}, both included` },
    { label: 'Time zone', value: period.timeZone },
    { label: 'Alignment', value: alignmentText(period) },
    {
      label: 'Interval (UTC)',
      value: `${utcText(period.from)} to ${utcText(period.to)} (start included, end excluded)`,
    },
    {
      label: 'Unit price',
      value: `${formatUnitPrice(pricing)} per ACU (the number is on the Summary, named UnitPrice)`,
    },
    { label: 'Cost basis', value: sentence(costBasisText(report.costBasis)) },
    { label: 'Currency', value: `${pricing.currency}, shown to ${pricing.minorDigits} decimals` },
    { label: 'Filters', value: textCell(describeFilters(run.filters)) },
    { label: 'API host', value: textCell(run.apiHost) },
    {
      label: 'Data source',
      value: run.source === 'demo' ? 'Built-in demo data set, not real usage' : 'Devin Enterprise API',
    },
  ];
}

function attributionFacts(report: ChargebackReport): readonly Fact[] {
  const { pricing } = report;
  const minorUnit = (10 ** -pricing.minorDigits).toFixed(pricing.minorDigits);
  return [
    {
      label: 'Which sessions',
      value: 'A session counts in the period in which it was created (its creation time).',
    },
    {
      label: 'Which ACUs',
      value:
        "A session's ACUs are acus_consumed: its lifetime total as of this run, including use after the period.",
    },
    ...billedFacts(report),
    { label: 'Null ACUs', value: 'Sessions for which the API reported no ACUs count with 0 ACUs.' },
    { label: 'Cost', value: `ACUs × ${formatUnitPrice(pricing)} per ACU.` },
    { label: 'Precision', value: 'ACUs are summed exactly, to 12 decimals; cells show 2 decimals.' },
    {
      label: 'Rounding',
      value: `Costs are allocated to ${pricing.currency} ${minorUnit} so the rows of every table add up exactly to its total.`,
    },
    {
      label: 'One row vs ACUs × price',
      value: `An org, user or session row can differ by ${pricing.currency} ${minorUnit} from its own ACUs × price: the total is rounded once and its cents shared by largest remainder, so rows add up to the total.`,
    },
    {
      label: 'By Tag and by status',
      value:
        "Each costs the sum of its sessions' costs, so a filter on the Sessions sheet reproduces it to the cent.",
    },
    { label: 'By Tag', value: 'Not additive: a session with several tags counts under each of its tags.' },
  ];
}

/** Where the bill comes from, and what the org and user tables charge when they charge it. */
function billedFacts(report: ChargebackReport): readonly Fact[] {
  const source: Fact = {
    label: 'Billed ACUs',
    value: `The vendor's daily consumption (GET /v2/enterprise/consumption/daily) for ${billingDaysText(report.period)}.`,
  };
  const onBehalf = onBehalfAssumption(report);
  const assumption: Fact[] = onBehalf === null ? [] : [{ label: 'On-behalf sessions', value: onBehalf }];
  if (report.costBasis === 'sessions') return [source, ...assumption];
  return [
    source,
    ...assumption,
    {
      label: 'Charged ACUs',
      value:
        'By Org and By User charge billed ACUs; session counts, By Tag and Sessions stay session-based (the bill knows no sessions).',
    },
  ];
}

function unsettledFacts(report: ChargebackReport): readonly Fact[] {
  const { unsettled, pricing } = report;
  const status: Fact = {
    label: 'This report',
    value: textCell(
      unsettledSentence(unsettled, pricing) ??
        'Settled: every session of the period had ended when the report was built.',
    ),
  };
  const run: Fact[] =
    report.runStatus === undefined
      ? []
      : [
          {
            label: 'Run',
            value: isPreliminary(report)
              ? PRELIMINARY_NOTICE
              : 'Closed: this run closed the period. Its files are final; a later change is a new entry, never a rewrite.',
          },
        ];
  return [
    status,
    ...run,
    { label: 'Rebuilding later', value: UNSETTLED_EXPLANATION },
    {
      label: 'Percentages',
      value:
        'Share of Cost ÷ the period’s cost; Share of Org ÷ the org’s cost; Change % ÷ the previous period’s ACUs; Difference % ÷ billed ACUs.',
    },
  ];
}

function countFacts(report: ChargebackReport, stats: FetchStats): readonly Fact[] {
  const count = (label: string, value: number): Fact => ({ label, value, numFmt: COUNT_FORMAT });
  return [
    count('Sessions read from the API', stats.itemsReceived),
    count('Duplicates dropped', stats.duplicatesDropped),
    count('Created outside the period, dropped', stats.outsidePeriodDropped),
    count('Sessions with null ACUs (counted as 0)', stats.nullAcus),
    count('Sessions in this report', report.totals.sessions),
    count('Total reported by the API', stats.reportedTotal),
    count('Pages read', stats.pages),
    {
      label: 'Read twice',
      value: stats.reread ? 'Yes: the first read did not add up, the second agreed' : 'No',
    },
  ];
}

/**
 * What the workbook leaves out to stay within Excel's limits: session rows
 * beyond the cap (and where they all are), and texts cut to a cell's length.
 */
function workbookLimitFacts(input: WorkbookInput): readonly Fact[] {
  const coverage = sessionCoverageOf(input);
  const count = (n: number) => n.toLocaleString('en-US');
  const facts: Fact[] = [];
  if (!coverage.capped) {
    facts.push({ label: 'Sessions on the Sessions sheet', value: `All ${count(coverage.sessions)}` });
  } else {
    facts.push(
      {
        label: 'Sessions on the Sessions sheet',
        value: `${capitalised(listedSessionsText(coverage))} (${rowLimitText(coverage)})`,
      },
      {
        label: 'Every session',
        value: textCell(`Is in ${archivesText(input.sessionArchives)}; all totals cover every session.`),
      },
    );
  }
  const tags = sessionTagsShown(input.sessions, coverage);
  if (tags.sessions < coverage.sessions) {
    facts.push({
      label: 'Sessions on Session Tags',
      value: `The tags of the first ${count(tags.sessions)} of ${count(coverage.sessions)} (${count(tags.rows)} rows)`,
    });
  }
  const truncated = truncatedCellCount();
  if (truncated > 0) {
    facts.push({
      label: 'Texts cut short',
      value: `${count(truncated)} ${truncated === 1 ? 'cell' : 'cells'} longer than Excel's ${count(MAX_CELL_TEXT)} characters, cut and marked "${TRUNCATION_MARKER.trim()}"`,
    });
  }
  return facts;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function nameFacts(report: ChargebackReport): readonly Fact[] {
  const users = report.orgs.flatMap((org) => org.users).filter((user) => user.userId !== null);
  const unnamedOrgs = report.orgs.filter((org) => org.orgName === null).length;
  const unnamedUsers = users.filter((user) => user.userName === null).length;
  return [
    { label: 'Org names', value: describeNames(report.names.orgs, unnamedOrgs, report.orgs.length, 'orgs') },
    {
      label: 'User names and emails',
      value: describeNames(report.names.users, unnamedUsers, users.length, 'users'),
    },
    ...(report.names.serviceUsers === undefined
      ? []
      : [
          {
            label: 'Service-user names',
            value: describeNames(report.names.serviceUsers, 0, 0, 'service users'),
          },
        ]),
  ];
}

function runFacts(run: RunInfo): readonly Fact[] {
  return [
    { label: 'Generated at (UTC)', value: run.generatedAt, numFmt: DATE_TIME_FORMAT },
    { label: 'Generator', value: textCell(run.generator) },
    { label: 'Run ID', value: textCell(run.runId) },
  ];
}

function describeNames(source: NameSource, unnamed: number, all: number, what: string): string {
  const marker = `their IDs stand in, marked "${NAME_UNAVAILABLE}"`;
  if (!source.available) return textCell(`Unavailable (${source.reason}): ${marker}.`);
  if (unnamed === 0) return 'From the Devin enterprise directory.';
  return `From the Devin enterprise directory; ${unnamed} of ${all} ${what} have no name there: ${marker}.`;
}

function describeFilters(filters: ReportFilters): string {
  const parts = [
    ['orgs', filters.orgIds],
    ['users', filters.userIds],
    ['tags', filters.tags],
  ] as const;
  const used = parts
    .filter(([, values]) => values.length > 0)
    .map(([what, values]) => `${what}: ${values.join(', ')}`);
  // The API may ignore a filter (v2's generated spec has no tags): each is re-applied here.
  return used.length === 0
    ? 'None: all orgs, users and tags'
    : `Only ${used.join('; ')} (each checked on every session the API returned, not only asked of the API)`;
}

/** ISO without seconds, as the Summary shows it. */
function utcText(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
