import type { CloseRecord } from './close-record.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The email resent for a closed period: its figures as the record holds them, never rebuilt,
 * with a fresh link to the closed workbook (whose bytes the record's SHA-256 names).
 */
export function recordEmail(
  record: CloseRecord,
  link: { readonly url: string; readonly expiresAt: Date },
): { subject: string; text: string; html: string } {
  const { totals, pricing, unsettled, period } = record;
  const demo = record.source === 'demo' ? '[Demo] ' : '';
  const subject = `${demo}Devin ACU chargeback — ${period.label} (closed): ${totals.acus} ACUs (${pricing.currency} ${totals.cost})`;
  const lines = [
    `${period.label} was closed at ${record.closedAt} by run ${record.runId}. These are the figures of record, resent as they were closed.`,
    '',
    `Sessions: ${totals.sessions}`,
    `ACUs: ${totals.acus}`,
    `Cost: ${pricing.currency} ${totals.cost} at ${pricing.currency} ${pricing.unitPrice} per ACU (cost basis: ${record.costBasis})`,
    `Unsettled at close: ${unsettled.count} sessions (${unsettled.acus} ACUs, ${pricing.currency} ${unsettled.cost})`,
    '',
    `Workbook: ${link.url}`,
    `(link valid until ${link.expiresAt.toISOString()}; workbook SHA-256 ${record.artifacts.workbook.sha256})`,
  ];
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif">${lines
    .map((line) =>
      line === ''
        ? '<br>'
        : line.startsWith('Workbook: ')
          ? `<p><a href="${escapeHtml(link.url)}">Download the closed workbook</a></p>`
          : `<p>${escapeHtml(line)}</p>`,
    )
    .join('')}</body></html>`;
  return { subject, text: `${lines.join('\n')}\n`, html };
}
