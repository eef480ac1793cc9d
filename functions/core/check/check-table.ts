import type { CheckRow } from './check-row.js';
import { checkPassed } from './check-row.js';

/** The rows as a plain-text table for a terminal, then a one-line verdict. */
export function formatCheckTable(rows: readonly CheckRow[]): string {
  const header = ['status', 'item', 'found', 'what to do'];
  const cells = rows.map((row) => [row.status, row.item, row.found, row.todo]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => (i === values.length - 1 ? value : value.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const problems = rows.filter((row) => row.status === 'problem').length;
  const verdict = checkPassed(rows)
    ? 'Deployment check passed: nothing was sent to finance.'
    : `Deployment check found ${problems} ${problems === 1 ? 'problem' : 'problems'}: nothing was sent to finance.`;
  return [line(header), ...cells.map(line), '', verdict, ''].join('\n');
}
