import { label } from '#core/glossary/glossary.js';
import { ACU_DECIMALS, decimalStringToScaled } from '#core/money/acus.js';
import { formatAcus, formatMoney } from '#core/money/format.js';
import { parseDay } from '#core/period/calendar-date.js';
import { dayRangeLabel } from '#core/period/period-label.js';
import type { SummaryDocument } from '#core/report/summary-document.js';
import { PRELIMINARY_NOTICE, unsettledSentence } from '#core/report/unsettled-sentence.js';
import { describeLinkExpiry, formatUtcMinute } from '#email/link-expiry.js';
import type { LandingView } from './pages/landing-page.js';
import type { ReportFile } from './report-source.js';

/** Enough to see who the big consumers are; the workbook has the rest. */
const ORGS_SHOWN = 5;

/**
 * What the landing page says about a report: from its summary.json when there
 * is one, else from the figures the report function put in the object's metadata.
 */
export function landingView(params: {
  readonly file: ReportFile;
  readonly summary: SummaryDocument | undefined;
  readonly expiresAt: Date;
  readonly now: Date;
  readonly downloadHref: string;
}): LandingView {
  const { file, summary } = params;
  const base = {
    fileName: file.fileName,
    fileDetail: `Excel workbook, ${formatBytes(file.sizeBytes)}`,
    downloadHref: params.downloadHref,
    expiry: describeLinkExpiry(params.expiresAt, params.now),
  };
  if (summary) {
    const pricing = summary.pricing;
    const cost = (minor: string) => formatMoney(BigInt(minor), pricing);
    const acus = (exact: string) => formatAcus(decimalStringToScaled(exact, ACU_DECIMALS));
    const orgs = [...summary.orgs].sort((a, b) => compareMinor(b.cost.minor, a.cost.minor));
    return {
      ...base,
      periodLabel: summary.period.label,
      periodDetail: periodDetail(summary),
      notices: notices(summary),
      // Money first, as in the email: the cost and what posts, then ACUs, sessions and the status.
      figures: [
        {
          label: summary.costBasis === 'billed' ? `Cost (${label('billed').toLowerCase()})` : 'Cost',
          value: cost(summary.totals.cost.minor),
        },
        ...postedFigure(summary, cost),
        { label: 'ACUs', value: acus(summary.totals.acus.exact) },
        { label: 'Sessions', value: groupDigits(String(summary.totals.sessions)) },
        ...statusFigure(summary),
      ],
      orgs: orgs.slice(0, ORGS_SHOWN).map((org) => ({
        name: org.orgName ?? org.orgId,
        acus: acus(org.acus.exact),
        cost: cost(org.cost.minor),
      })),
      moreOrgs: Math.max(orgs.length - ORGS_SHOWN, 0),
      generated: `Report built ${formatUtcMinute(new Date(summary.run.generatedAt))}.`,
      journalFiles: summary.journal?.formatFiles,
    };
  }
  return { ...base, ...metadataFigures(file.metadata), orgs: [], moreOrgs: 0 };
}

/** Preliminary or Closed, in the glossary's words; nothing for documents from before closes existed. */
function statusFigure(summary: SummaryDocument): { label: string; value: string }[] {
  if (summary.runStatus === undefined) return [];
  return [{ label: 'Status', value: label(summary.runStatus === 'closed' ? 'closed' : 'preliminary') }];
}

/** What the journal posts, split as the email splits it; nothing without a cost-centre map. */
function postedFigure(
  summary: SummaryDocument,
  cost: (minor: string) => string,
): { label: string; value: string; detail: string }[] {
  const { journal } = summary;
  if (journal === undefined) return [];
  const parts = [
    `${label('usage').toLowerCase()} ${cost(journal.usageMinor)}`,
    `${label('trueUp').toLowerCase()} ${cost(journal.trueUpMinor)}`,
    `${label('sharedProducts').toLowerCase()} ${cost(journal.sharedMinor)}`,
  ];
  return [{ label: label('posted'), value: cost(journal.postedMinor), detail: parts.join(' + ') }];
}

/** The same warnings the workbook and the email carry, in one line each, in the same words. */
function notices(summary: SummaryDocument): string[] {
  const { filters, source } = summary.run;
  const orgName = new Map(summary.orgs.map((org) => [org.orgId, org.orgName ?? org.orgId]));
  const parts = [
    filters.orgIds.length > 0 ? `orgs ${filters.orgIds.map((id) => orgName.get(id) ?? id).join(', ')}` : '',
    filters.userIds.length > 0 ? `users ${filters.userIds.join(', ')}` : '',
    filters.tags.length > 0 ? `tags ${filters.tags.join(', ')}` : '',
  ].filter((part) => part !== '');
  const unsettled =
    summary.unsettled === undefined
      ? null
      : unsettledSentence(
          {
            sessions: summary.unsettled.sessions,
            acus: decimalStringToScaled(summary.unsettled.acus.exact, ACU_DECIMALS),
            costMinor: BigInt(summary.unsettled.cost.minor),
          },
          summary.pricing,
        );
  return [
    ...(source === 'demo' ? ['Demo data: these figures are not real usage.'] : []),
    ...(summary.runStatus === 'preliminary' ? [PRELIMINARY_NOTICE] : []),
    ...(unsettled === null ? [] : [unsettled]),
    ...(parts.length > 0 ? [`Filtered report: only ${parts.join('; ')}.`] : []),
  ];
}

function periodDetail(summary: SummaryDocument): string | undefined {
  const { period } = summary;
  try {
    const days = dayRangeLabel(parseDay('firstDay', period.firstDay), parseDay('lastDay', period.lastDay));
    const clock =
      period.alignment === 'calendar' ? period.timeZone : 'billing days from 08:00 UTC, as the vendor bills';
    return days === period.label ? clock : `${days}, ${clock}`;
  } catch {
    return undefined;
  }
}

function metadataFigures(
  metadata: Readonly<Record<string, string>>,
): Pick<LandingView, 'periodLabel' | 'figures'> {
  const figures: { label: string; value: string }[] = [];
  const cost = /^(\d+)(?:\.(\d+))? ([A-Z]{3})$/.exec(metadata.cost ?? '');
  if (cost) {
    const [, whole = '0', fraction = '', currency = ''] = cost;
    figures.push({
      label: 'Cost',
      value: formatMoney(BigInt(`${whole}${fraction}`), { currency, minorDigits: fraction.length }),
    });
  }
  const acus = metadata.acus;
  if (acus && /^\d+(\.\d+)?$/.test(acus)) {
    figures.push({ label: 'ACUs', value: formatAcus(decimalStringToScaled(acus, ACU_DECIMALS)) });
  }
  const sessions = metadata.sessions;
  if (sessions && /^\d+$/.test(sessions)) figures.push({ label: 'Sessions', value: groupDigits(sessions) });
  return { periodLabel: metadata.period ?? 'Report', figures };
}

function compareMinor(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference > 0n ? 1 : -1;
}

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** "84 KB", "1.2 MB": one decimal below 10, as a file manager shows it. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  if (unit === 0) return `${bytes} bytes`;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
