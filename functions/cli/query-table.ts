import type { FocusQueryResult } from '../query/focus-duckdb.js';

/** Query rows as an aligned text table: numbers right-aligned, NULL shown as an empty cell. */
export function queryTable(result: FocusQueryResult): string {
  const { columns, rows } = result;
  const cells = rows.map((row) => columns.map((c) => cellText(row[c])));
  const numeric = columns.map((_, i) =>
    cells.every((r) => r[i] === '' || /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(r[i] ?? '')),
  );
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const count = `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`;
  return [line(columns), rule, ...cells.map(line), '', count, ''].join('\n');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
