import type { FocusQueryResult } from '#query/focus-duckdb.js';

/** Query rows as an aligned text table: numbers right-aligned, NULL shown as an empty cell. */
export function queryTable(result: FocusQueryResult): string {
  const { columns, rows } = result;
  // For reading: money to the currency's minor unit, ACUs to 2 decimals (--json keeps every digit).
  const digits = columns.map((column) => displayDigits(column, rows));
  const cells = rows.map((row) =>
    columns.map((c, i) => {
      const text = cellText(row[c]);
      const places = digits[i];
      return places === undefined ? text : roundDecimalText(text, places);
    }),
  );
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

/** Decimal places a column is shown with, or undefined to show it as it is. */
function displayDigits(column: string, rows: readonly Record<string, unknown>[]): number | undefined {
  if (/acu|quantity/i.test(column)) return 2;
  if (!/cost|price|amount|debit|credit/i.test(column)) return undefined;
  const currency = rows.map((row) => row.BillingCurrency ?? row.currency).find((c) => typeof c === 'string');
  if (typeof currency !== 'string') return 2;
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** "12.345000000000000001" → "12.35": half-up on the digits themselves, never through a float. */
export function roundDecimalText(text: string, places: number): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const kept = fraction.slice(0, places).padEnd(places, '0');
  let scaled = BigInt(whole + kept);
  if ((fraction[places] ?? '0') >= '5') scaled += 1n;
  const digits = scaled.toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  const body = places === 0 ? int : `${int}.${frac}`;
  return sign === '-' && scaled !== 0n ? `-${body}` : body;
}
