import type { EmailChart } from './chart-html.js';

/**
 * What the chargeback email says, independent of markup. The HTML and the
 * plain-text bodies are both rendered from one EmailContent, so they cannot
 * drift apart in the facts they carry.
 */

/** A table cell; `detail` is secondary text (an ID under a name) that only roomy layouts show. */
export interface Cell {
  readonly text: string;
  readonly detail?: string;
  /** Follows `text` and is never cut: a marker ("(no usage this period)") must survive a long name. */
  readonly marker?: string;
}

export interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
  /**
   * Left out of the table on a phone: its value moves under the first cell,
   * so a narrow screen keeps the columns that matter and loses nothing.
   */
  readonly secondary?: boolean;
}

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Shown last and emphasised; absent for tables that do not add up. */
  readonly totalRow?: readonly Cell[];
  /** Said instead of the table when it has no rows. */
  readonly emptyText: string;
}

/** Inline pieces of a paragraph, so each medium can show links and literals its own way. */
export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  | { readonly kind: 'code'; readonly text: string };

export type Paragraph = readonly Segment[];

export interface Figure {
  readonly label: string;
  readonly value: string;
}

export interface EmailContent {
  readonly subject: string;
  readonly title: string;
  /** One line for the inbox preview. */
  readonly preview: string;
  /** Things that change how the numbers must be read: demo data, filters, missing names. */
  readonly notices: readonly string[];
  /** Money first: the cost, its change in money, then the ACUs; shown above everything else. */
  readonly headline: readonly Figure[];
  readonly figures: readonly Figure[];
  /** "What changed": the top movers in money; null without a previous period. */
  readonly movers: Table | null;
  /** Cost by the cost centre it went to, as the journal posts it; null without a map. */
  readonly costCentres: Table | null;
  readonly orgs: Table;
  readonly topUsers: Table;
  /** Cost by session status: error sessions are what a vendor credit claim is built on. */
  readonly statuses: Table;
  /** The presigned link, shown as the section's one button. */
  readonly download: { readonly text: string; readonly url: string } | null;
  /** Said with the button near the top (where the workbook is, when it expires). */
  readonly workbookLead: readonly Paragraph[];
  readonly workbook: readonly Paragraph[];
  readonly footer: readonly string[];
  /** Charts shown under the figures; none when absent. */
  readonly charts?: readonly EmailChart[] | undefined;
}
