import { scaledToDecimalString } from '../core/money/acus.js';
import type { FocusDataset } from './build-focus-rows.js';
import type { FocusColumn } from './focus-columns.js';
import { isoSeconds } from './focus-metadata.js';
import type { FocusValue } from './focus-row.js';

/**
 * The same rows as CSV text (RFC 4180), for people who open it in a
 * spreadsheet: the header is the column ids, nulls are empty fields (the
 * validator reads those as null), instants `YYYY-MM-DDTHH:mm:ssZ`, decimals
 * exact plain text. Yields a few hundred rows at a time.
 */
export function* focusCsv(dataset: FocusDataset): Generator<string> {
  const { columns } = dataset;
  yield `${columns.map((c) => field(c.name)).join(',')}\r\n`;
  let lines: string[] = [];
  for (const row of dataset.rows()) {
    lines.push(columns.map((c) => field(cellText(c, row[c.name] ?? null))).join(','));
    if (lines.length === 500) {
      yield `${lines.join('\r\n')}\r\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\r\n')}\r\n`;
}

function cellText(column: FocusColumn, value: FocusValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoSeconds(value);
  if (typeof value === 'bigint') {
    return scaledToDecimalString(value, column.type.kind === 'decimal' ? column.type.scale : 0);
  }
  return value;
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
