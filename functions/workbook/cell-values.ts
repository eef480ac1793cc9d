import type { CellHyperlinkValue } from 'exceljs';
import { DateTime } from 'luxon';
import { type Acus, acusToNumber, scaledToNumber } from '#core/money/acus.js';
import { PRICE_DECIMALS, type Pricing } from '#core/money/pricing.js';
import { noteTruncatedCell } from './truncated-cells.js';
import { WorkbookInputError } from './workbook-errors.js';

/** Excel refuses to open a file with a longer cell text. */
export const MAX_CELL_TEXT = 32_767;
/** What ends a cut text, so a reader sees the cell is not whole. */
export const TRUNCATION_MARKER = ' … [truncated]';
/** Excel drops or repairs hyperlinks with longer addresses. */
const MAX_LINK_LENGTH = 2_079;

export function acusCell(acus: Acus): number {
  return acusToNumber(acus);
}

/** Exactly the allocated minor units, so a column of costs sums to the total's cents. */
export function costCell(costMinor: bigint, pricing: Pricing): number {
  return scaledToNumber(costMinor, pricing.minorDigits);
}

/** The configured price per ACU, exactly as a number cell (prices have at most 6 decimals). */
export function unitPriceCell(pricing: Pricing): number {
  return scaledToNumber(pricing.unitPriceScaled, PRICE_DECIMALS);
}

/**
 * A signed share as a cell: one that shows as 0.0% is 0, since -0.0004 would
 * print as "-0.0%", a loss of nothing. Others keep their precision.
 */
export function shareCell(share: number): number {
  return Math.abs(share) < 0.0005 ? 0 : share;
}

/**
 * API text as a cell value: always a string cell (exceljs never turns a string
 * into a formula), cut with a marker to Excel's limit and counted for About.
 */
export function textCell(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  noteTruncatedCell();
  return `${text.slice(0, MAX_CELL_TEXT - TRUNCATION_MARKER.length)}${TRUNCATION_MARKER}`;
}

/** A list as one text cell, empty when there is nothing to list. */
export function listCell(items: readonly string[]): string | null {
  return items.length === 0 ? null : textCell(items.join(', '));
}

/**
 * A clickable link only for web addresses: a `javascript:` or `file:` URL from
 * the API must not become one click away from running in the reader's Excel.
 */
export function linkCell(url: string | null): CellHyperlinkValue | string | null {
  if (url === null) return null;
  if (!/^https?:\/\//i.test(url) || url.length > MAX_LINK_LENGTH) return textCell(url);
  return { text: url, hyperlink: url };
}

/**
 * The instant as the wall-clock time in `timeZone`, shifted so a zone-less
 * Excel date shows that local time.
 */
export function wallClockIn(instant: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid) {
    throw new WorkbookInputError(`unknown time zone ${JSON.stringify(timeZone)}`, { timeZone });
  }
  return new Date(instant.getTime() + local.offset * 60_000);
}
