import { formatAcus, formatMoney, formatShare } from '#core/money/format.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { allocatedShareFigure, totalChangeFigure } from '#email/billing-figures.js';

/** The per-org table a person sees in the terminal after a run. */
export function summaryTable(report: ChargebackReport): string {
  const { pricing } = report;
  const rows = report.orgs.map((org) => [
    org.orgName ?? org.orgId,
    String(org.sessions),
    formatAcus(org.acus),
    formatMoney(org.costMinor, pricing),
    formatShare(org.shareOfAcus),
  ]);
  const total = [
    'Total',
    String(report.totals.sessions),
    formatAcus(report.totals.acus),
    formatMoney(report.totals.costMinor, pricing),
    report.totals.sessions > 0 ? formatShare(1) : '',
  ];
  const header = ['Org', 'Sessions', 'ACUs', 'Cost', 'Share'];
  const all = [header, ...rows, total];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [
    `Devin ACU chargeback — ${report.period.label} (${report.period.timeZone})`,
    '',
    line(header),
    rule,
    ...rows.map(line),
    rule,
    line(total),
    '',
    // The same sentences as the email, so the terminal and finance's inbox agree.
    ...[allocatedShareFigure(report), totalChangeFigure(report)].map((f) => `${f.label}: ${f.value}.`),
  ].join('\n');
}
