import type { CellValue } from 'exceljs';
import { type TableColumn, wrapUnits } from './table.js';
import { longestWordUnits, textUnits, wrappedLines } from './text-width.js';
import { uncountedTruncatedCells } from './truncated-cells.js';

/** Room beside a cell's text: Excel's cell margins, and a little for a viewer's rounding. */
const CELL_PADDING = 1.2;
/** LibreOffice without Carlito prints Calibri text in the wider DejaVu Sans. */
const HEADER_WORD_SPARE = 1.1;
/** A wrapped text column is never narrower than this, so its words stay words. */
const MIN_WRAPPED = 12;
/** Columns with this many rows or fewer are measured row by row; longer ones keep their declared width. */
const MEASURED_ROWS = 20_000;
/** Rows whose wrapped lines are counted to choose which column gives way. */
const SAMPLED_ROWS = 500;

/**
 * Each column as wide as what it shows, no wider than its declared width (the
 * most it may take; longer text wraps): the header may wrap at its spaces, so
 * a long header no longer widens a column of short numbers. Only items held
 * in an array are measured (a one-pass iterable is read once, when written).
 * When the columns still do not fit `fitUnits`, wrapped text columns give way,
 * widest first, down to a readable width.
 */
export function fitColumns<Item>(
  columns: readonly TableColumn<Item>[],
  items: Iterable<Item>,
  fitUnits?: number,
  fittedCount = columns.length,
): TableColumn<Item>[] {
  const rows = Array.isArray(items) && items.length <= MEASURED_ROWS ? (items as readonly Item[]) : null;
  const texts: (readonly string[])[] = [];
  const fitted = columns.map((column, i) => {
    const declared = column.width ?? 14;
    if (rows === null) return { ...column, width: declared };
    // A header word is bold and may not break: it gets the room a viewer's wider font needs.
    let widest = longestWordUnits(column.header, true) * HEADER_WORD_SPARE;
    const sample: string[] = [];
    // The values are read again when written: a text cut to Excel's limit is counted then, once.
    uncountedTruncatedCells(() => {
      for (const item of rows) {
        const value = column.value(item);
        widest = Math.max(widest, displayedUnits(value, column.numFmt));
        if (typeof value === 'string' && sample.length < SAMPLED_ROWS) sample.push(value);
      }
    });
    texts[i] = sample;
    if (column.total !== undefined)
      widest = Math.max(widest, displayedUnits(column.total, column.numFmt, true));
    return { ...column, width: Math.min(declared, Math.ceil(widest + CELL_PADDING)) };
  });
  return fitUnits === undefined ? fitted : narrowWrapped(fitted, fitUnits, fittedCount, { texts });
}

export interface FittedColumn {
  readonly width?: number;
  readonly wrap?: boolean;
  readonly numFmt?: string;
}

/**
 * Narrows text columns (a number is never cut: only text wraps), widest
 * first, until the printed columns take as few pages across as they can (one,
 * when wrapping makes it possible); never narrower than that needs, since
 * every line wrapped makes a row taller. The first column is the key repeated
 * on every page across: it keeps its width. Those on the last two pages give
 * way first, so the page that must absorb the last one's columns is the one
 * that wraps; among them, the one that wraps fewest more lines of the
 * `texts` given (a name that breaks at a space before an email that would
 * break on every row), then the widest. A narrowed column wraps.
 */
export function narrowWrapped<Column extends FittedColumn>(
  given: readonly Column[],
  fitUnits: number,
  count = given.length,
  {
    keepFirst = true,
    texts = [],
  }: { keepFirst?: boolean; texts?: readonly (readonly string[] | undefined)[] } = {},
): Column[] {
  const columns = [...given];
  const wrappable = (i: number) => (i > 0 || !keepFirst) && i < count && columns[i]?.numFmt === undefined;
  const widthsOf = () => columns.slice(0, count).map((column) => column.width ?? 0);
  const narrowest = widthsOf().map((width, i) => (wrappable(i) ? Math.min(width, MIN_WRAPPED) : width));
  const fewest = pagesAcross(narrowest, fitUnits);
  const lines = texts.map((sample) => memoLines(sample ?? []));
  for (;;) {
    const widths = widthsOf();
    const pages = pageOf(widths, fitUnits);
    const last = pages[pages.length - 1] ?? 1;
    if (last <= fewest) break;
    // What is still to give, were every page full: the cost of a column is that of giving it all.
    const excess =
      widths.reduce((sum, width) => sum + width, 0) - fewest * fitUnits + (fewest - 1) * (widths[0] ?? 0);
    const cost = (i: number) => {
      const width = columns[i]?.width ?? 0;
      const target = Math.max(MIN_WRAPPED, width - Math.max(1, excess));
      const count = lines[i];
      return count === undefined ? 0 : (count(target) - count(width)) / (width - target);
    };
    const widest =
      cheapestWrappable(columns, wrappable, (i) => (pages[i] ?? 0) >= last - 1, cost) ??
      cheapestWrappable(columns, wrappable, () => true, cost);
    const column = widest === undefined ? undefined : columns[widest];
    if (widest === undefined || column === undefined) break;
    columns[widest] = { ...column, width: (column.width ?? 0) - 1, wrap: true };
  }
  return columns;
}

function cheapestWrappable<Column extends FittedColumn>(
  columns: readonly Column[],
  wrappable: (i: number) => boolean,
  among: (i: number) => boolean,
  cost: (i: number) => number,
): number | undefined {
  let best: { index: number; cost: number; width: number } | undefined;
  columns.forEach((column, i) => {
    const width = column.width ?? 0;
    if (!wrappable(i) || !among(i) || width <= MIN_WRAPPED) return;
    const lines = cost(i);
    if (best === undefined || lines < best.cost || (lines === best.cost && width > best.width))
      best = { index: i, cost: lines, width };
  });
  return best?.index;
}

/** The lines `texts` take in a column of a given width, counted once per width. */
function memoLines(texts: readonly string[]): (width: number) => number {
  const counted = new Map<number, number>();
  return (width) => {
    let lines = counted.get(width);
    if (lines === undefined) {
      lines = 0;
      for (const text of texts) lines += wrappedLines(text, wrapUnits(width));
      counted.set(width, lines);
    }
    return lines;
  };
}

/** The page across (1, 2, …) each column prints on. */
function pageOf(widths: readonly number[], pageUnits: number): number[] {
  const [first = 0, ...rest] = widths;
  const pages = [1];
  let page = 1;
  let used = first;
  for (const width of rest) {
    if (used + width > pageUnits) {
      page += 1;
      used = first;
    }
    used += width;
    pages.push(page);
  }
  return pages;
}

/**
 * Pages across that columns print on when each page holds `pageUnits` and
 * every page after the first repeats the first column (its print title).
 */
export function pagesAcross(widths: readonly number[], pageUnits: number): number {
  return pageOf(widths, pageUnits).at(-1) ?? 1;
}

/** How wide a cell's value prints, in width units, as its number format shows it. */
export function displayedUnits(value: CellValue, numFmt: string | undefined, bold = false): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return textUnits(formattedNumber(value, numFmt), bold);
  if (value instanceof Date) return textUnits('0000-00-00 00:00', bold);
  if (typeof value === 'string') return textUnits(value, bold);
  if (typeof value === 'boolean') return textUnits('FALSE', bold);
  if ('text' in value && typeof value.text === 'string') return textUnits(value.text, bold);
  if ('result' in value) return displayedUnits((value.result ?? null) as CellValue, numFmt, bold);
  if ('richText' in value) return textUnits(value.richText.map((run) => run.text).join(''), bold);
  return 0;
}

/**
 * A number as the workbook's formats print it: the section for its sign, the
 * quoted literals, thousands separators, the decimals, a percent.
 */
export function formattedNumber(value: number, numFmt: string | undefined): string {
  if (numFmt === undefined) return String(value);
  const sections = numFmt.split(';');
  const section = (value < 0 ? sections[1] : value === 0 ? sections[2] : undefined) ?? sections[0] ?? '';
  const ownSign = value < 0 && sections[1] === undefined ? '-' : '';
  const percent = section.includes('%');
  const scaled = Math.abs(value) * (percent ? 100 : 1);
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  const [whole = '0', fraction] = scaled.toFixed(decimals).split('.');
  const digits = section.includes(',') ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  const number = fraction === undefined ? digits : `${digits}.${fraction}`;
  // The literals and signs around the digits, in their places.
  const body = section.replace(/"([^"]*)"/g, '$1').replace(/[#0,.]+/, '\u0000');
  return ownSign + body.replace('\u0000', number);
}
