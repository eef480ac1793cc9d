import { UNMAPPED_CODE } from '#core/cost-centres/cost-centre-map.js';
import type { CostCentreReport } from '#core/cost-centres/cost-centre-report.js';
import { label } from '#core/glossary/glossary.js';
import { formatAcus, formatMoney } from '#core/money/format.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { cleanApiText } from './clean-api-text.js';
import type { Figure } from './email-content.js';
import { formatCount } from './email-figures.js';

/** Finance's email, when the run had a map: what is Unmapped, named, so it is fixed before posting. */
export function costCentreNotices(report: ChargebackReport): string[] {
  const costCentres = report.costCentres;
  if (costCentres === undefined || costCentres.unmappedOrgs.length === 0) return [];
  const orgs = costCentres.unmappedOrgs.map(
    (org) =>
      `${cleanApiText(org.orgName ?? org.orgId)} (${formatMoney(org.costMinor, report.pricing)}, ${formatCount(org.sessions)} sessions)`,
  );
  const one = orgs.length === 1;
  return [
    `Unmapped: ${orgs.join(', ')} ${one ? 'is' : 'are'} not in the cost-centre map. ${one ? 'Its' : 'Their'} cost is on the journal's Unmapped line, which has no account, so the journal is a DRAFT (…journal.DRAFT.csv): add ${one ? 'it' : 'them'} to the map (or a catch-all row, org_id "*") and run the report again before posting.${unmappedSplitText(report, costCentres)}`,
  ];
}

/**
 * Why the Unmapped figure is less than the org's row in the org table: tag
 * rules charged some of its sessions to mapped cost centres. Said in words,
 * so the two figures side by side reconcile.
 */
function unmappedSplitText(report: ChargebackReport, costCentres: CostCentreReport): string {
  const sentences: string[] = [];
  for (const org of costCentres.unmappedOrgs) {
    const elsewhere = costCentres.orgSplits.filter(
      (split) => split.orgId === org.orgId && split.code !== UNMAPPED_CODE,
    );
    if (elsewhere.length === 0) continue;
    const name = cleanApiText(org.orgName ?? org.orgId);
    const all = org.sessions + elsewhere.reduce((sum, split) => sum + split.sessions, 0);
    const where = elsewhere
      .map(
        (split) =>
          `${formatCount(split.sessions)} (${formatMoney(split.costMinor, report.pricing)}) to ${cleanApiText(split.code)}`,
      )
      .join(', ');
    sentences.push(
      ` ${formatCount(org.sessions)} of ${possessive(name)} ${formatCount(all)} sessions are unmapped; tag rules charged ${where}.`,
    );
  }
  return sentences.join('');
}

export function costCentreFigures(report: ChargebackReport): Figure[] {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return [];
  const { journal } = costCentres;
  const money = (minor: bigint) => formatMoney(minor, report.pricing);
  const mapped = costCentres.rows.filter((row) => row.kind === 'mapped').length;
  const unmapped = costCentres.rows.find((row) => row.kind === 'unmapped');
  return [
    {
      label: 'Cost centres',
      value: `${formatCount(mapped)} charged${unmapped ? `; Unmapped ${formatMoney(unmapped.costMinor, report.pricing)}` : ''}`,
    },
    {
      label: journal.draft ? 'Journal (DRAFT)' : 'Journal',
      value: `${formatCount(journal.lines.length)} lines; debits ${formatMoney(journal.debitMinor, report.pricing)} = credits ${formatMoney(journal.creditMinor, report.pricing)}`,
    },
    {
      label: label('posted'),
      value: `${label('usage').toLowerCase()} ${money(journal.usageMinor)} + ${label('trueUp').toLowerCase()} ${money(journal.trueUpMinor)} + ${label('sharedProducts').toLowerCase()} ${money(journal.sharedMinor)} = ${money(journal.postedMinor)}`,
    },
    ...trueUpFigures(costCentres.trueUps?.periods ?? []),
  ];
}

/** One line per earlier period that changed; the periods re-read without a change share one line. */
function trueUpFigures(periods: NonNullable<CostCentreReport['trueUps']>['periods']): Figure[] {
  const changed = periods.filter((q) => q.lines.length > 0);
  const unchanged = periods.filter((q) => q.lines.length === 0);
  return [
    ...changed.map((q) => ({
      label: `True-up ${q.period.label}`,
      value: `${formatCount(q.lines.length)} sessions, ${formatAcus(q.acus)} ACUs, ${formatMoney(q.costMinor, q.pricing)}`,
    })),
    ...(unchanged.length > 0
      ? [
          {
            label: 'True-ups',
            value: `No change since their close: ${unchanged.map((q) => q.period.label).join(', ')}`,
          },
        ]
      : []),
  ];
}

/** "Internal Tools'", "Growth's". */
function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
