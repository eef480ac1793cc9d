import { scaledToDecimalString } from '#core/money/acus.js';
import type { FocusDataset } from './build-focus-rows.js';
import type { FocusColumn } from './focus-columns.js';
import { isoSeconds } from './focus-metadata.js';
import type { FocusValue } from './focus-row.js';

/**
 * The same rows as CSV text (RFC 4180), for people who open it in a
 * spreadsheet: the header is the column ids, nulls are empty fields (the
 * validator reads those as null), instants `YYYY-MM-DDTHH:mm:ssZ`, decimals
 * exact plain text. Yields a few hundred rows at a time.
 *
 * A text cell that a spreadsheet would run as a formula (a session titled
 * `=HYPERLINK(…)`) gets a leading `'`, as OWASP advises for CSV meant for
 * spreadsheets; the Parquet file keeps the text exactly as it was.
 */
export function* focusCsv(dataset: FocusDataset): Generator<string> {
  const { columns } = dataset;
  yield `${columns.map((c) => field(c.name)).join(',')}\r\n`;
  for (const chunk of dataset.chunks(500)) {
    const columnValues = columns.map((c) => chunk.values.get(c.name) ?? []);
    const lines = new Array<string>(chunk.length);
    for (let k = 0; k < chunk.length; k++) {
      lines[k] = columns.map((c, j) => field(cellText(c, columnValues[j]?.[k] ?? null))).join(',');
    }
    yield `${lines.join('\r\n')}\r\n`;
  }
}

function cellText(column: FocusColumn, value: FocusValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoSeconds(value);
  if (typeof value === 'bigint') {
    return scaledToDecimalString(value, column.type.kind === 'decimal' ? column.type.scale : 0);
  }
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
