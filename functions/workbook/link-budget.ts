import type { CellHyperlinkValue } from 'exceljs';
import { linkCell } from './cell-values.js';

/** Hyperlinks Excel supports in one worksheet: a file with more need not open cleanly. */
export const EXCEL_MAX_LINKS_PER_SHEET = 65_530;

/** Links one sheet may hold: a round figure under Excel's, so a reader can check a note against it. */
export const MAX_LINKS_PER_SHEET = 65_000;

/** Hands out a sheet's links in row order; past the budget a URL is the same text, not clickable. */
export interface LinkBudget {
  cell(url: string | null): CellHyperlinkValue | string | null;
  /** Links the sheet may hold. */
  readonly max: number;
  /** Links written so far. */
  readonly links: number;
  /** URLs that would have been links but were written as text, past the budget. */
  readonly asText: number;
}

export function linkBudget(max: number = MAX_LINKS_PER_SHEET): LinkBudget {
  let links = 0;
  let asText = 0;
  return {
    cell(url) {
      const value = linkCell(url);
      if (typeof value !== 'object' || value === null) return value;
      if (links < max) {
        links += 1;
        return value;
      }
      asText += 1;
      return value.text;
    },
    max,
    get links() {
      return links;
    },
    get asText() {
      return asText;
    },
  };
}

/** The note under a sheet whose later URLs are text; none when every URL is a link. */
export function linkBudgetNotes(budget: LinkBudget): string[] {
  if (budget.asText === 0) return [];
  const count = (n: number) => n.toLocaleString('en-US');
  return [
    `The URLs of the first ${count(budget.links)} rows are links; the ${count(budget.asText)} after them are text, since Excel allows ${count(EXCEL_MAX_LINKS_PER_SHEET)} links a sheet (this workbook stops at ${count(budget.max)}). Paste one into a browser to open it.`,
  ];
}
