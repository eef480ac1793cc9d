import { InvalidInputError } from '../errors.js';
import type { ChargebackReport } from './chargeback-report.js';

/** Rows in one Excel sheet: a file with a longer sheet does not open cleanly. */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * Rows a session sheet needs besides its session rows: the title and the
 * header above them; the blank row and the Total below; then a blank row and
 * the notes (at most seven today, ten kept free so one more note cannot push a
 * capped sheet over the limit).
 */
export const SESSION_SHEET_OTHER_ROWS = 2 + 2 + 1 + 10;

/** The highest cap that still fits: any more session rows and the Sessions sheet would not open. */
export const MAX_SESSION_ROWS_LIMIT = EXCEL_MAX_ROWS - SESSION_SHEET_OTHER_ROWS;

/** Leaves Excel's limit a margin and keeps a month of a million sessions whole. */
export const DEFAULT_MAX_SESSION_ROWS = 1_000_000;

/** Where every session of the period is, whatever the workbook shows: S3 URIs or local paths. */
export interface SessionArchives {
  /** The period's FOCUS dataset (its Parquet file). */
  readonly focusDataset: string;
  /** The raw sessions export (gzipped JSON). */
  readonly sessionsExport: string;
}

/**
 * How many of the report's sessions the workbook's per-session sheets list.
 * The first ones in the report's order are kept, so two runs on the same data
 * list the same rows. Aggregates never depend on it: they are built from the report.
 */
export interface WorkbookSessionCoverage {
  readonly maxSessionRows: number;
  /** The period's sessions in the report. */
  readonly sessions: number;
  /** Of those, how many have a row. */
  readonly sessionsShown: number;
  /** Sessions created before the period and listed because they used ACUs in it (billed basis, v3). */
  readonly carried: number;
  readonly carriedShown: number;
  /** Some session has no row. */
  readonly capped: boolean;
}

/** Period sessions first, then the carried-in ones, until `maxSessionRows` rows. */
export function workbookSessionCoverage(
  sessions: number,
  maxSessionRows: number,
  carried = 0,
): WorkbookSessionCoverage {
  checkMaxSessionRows('maxSessionRows', maxSessionRows);
  const sessionsShown = Math.min(sessions, maxSessionRows);
  const carriedShown = Math.min(carried, maxSessionRows - sessionsShown);
  return {
    maxSessionRows,
    sessions,
    sessionsShown,
    carried,
    carriedShown,
    capped: sessionsShown < sessions || carriedShown < carried,
  };
}

/** The cap from a flag or variable: a whole number from 1 to the limit; absent, the default. */
export function parseMaxSessionRows(field: string, text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_SESSION_ROWS;
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!isValidCap(value)) throw new InvalidInputError(field, text, CAP_PROBLEM);
  return value;
}

function checkMaxSessionRows(field: string, value: number): void {
  if (!isValidCap(value)) throw new InvalidInputError(field, value, CAP_PROBLEM);
}

const CAP_PROBLEM = `must be a whole number from 1 to ${MAX_SESSION_ROWS_LIMIT.toLocaleString('en-US')} (Excel's ${EXCEL_MAX_ROWS.toLocaleString('en-US')} rows a sheet, less the sheet's title, header, Total and notes)`;

function isValidCap(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_SESSION_ROWS_LIMIT;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * "The workbook lists the first 5 of 10 sessions (a limit of 5 rows); all 10
 * are in the period's FOCUS dataset (…) and the raw sessions export (…)." Null
 * when every session has its row: nothing needs saying then.
 */
export function sessionCoverageSentence(
  coverage: WorkbookSessionCoverage,
  archives: SessionArchives | undefined,
): string | null {
  if (!coverage.capped) return null;
  return `The workbook lists ${listedSessionsText(coverage)} (${rowLimitText(coverage)}); all ${count(coverage.sessions)} are in ${archivesText(archives)}. Every total covers all sessions.`;
}

/**
 * "the first 5 of 10 sessions", or on the billed basis "all 10 sessions and
 * the first 2 of the 4 sessions carried in": which rows a capped workbook has.
 */
export function listedSessionsText(coverage: WorkbookSessionCoverage): string {
  const { sessions, sessionsShown, carried, carriedShown } = coverage;
  const period =
    sessionsShown === sessions
      ? `all ${count(sessions)} ${sessions === 1 ? 'session' : 'sessions'}`
      : `the first ${count(sessionsShown)} of ${count(sessions)} sessions`;
  if (carried === 0) return period;
  const carriedIn =
    carriedShown === 0
      ? `none of the ${count(carried)} sessions carried in`
      : `the first ${count(carriedShown)} of the ${count(carried)} sessions carried in`;
  return `${period} and ${carriedIn}`;
}

/** "a limit of 5 session rows, under Excel's 1,048,576 rows a sheet" */
export function rowLimitText(coverage: WorkbookSessionCoverage): string {
  return `a limit of ${sessionRowsText(coverage.maxSessionRows)}, under Excel's ${count(EXCEL_MAX_ROWS)} rows a sheet`;
}

/** "1 session row", "1,000,000 session rows" */
export function sessionRowsText(rows: number): string {
  return `${count(rows)} ${rows === 1 ? 'session row' : 'session rows'}`;
}

/** The coverage of a report's workbook: its period sessions and, on the billed basis, those carried in. */
export function reportSessionCoverage(
  report: Pick<ChargebackReport, 'sessionCostMinor' | 'billedSessions'>,
  maxSessionRows: number = DEFAULT_MAX_SESSION_ROWS,
): WorkbookSessionCoverage {
  return workbookSessionCoverage(
    report.sessionCostMinor.length,
    maxSessionRows,
    report.billedSessions?.carried.length ?? 0,
  );
}

/** Where every session is, in words: the two archives, and their keys or paths when known. */
export function archivesText(archives: SessionArchives | undefined): string {
  return archives === undefined
    ? "the period's FOCUS dataset and the raw sessions export"
    : `the period's FOCUS dataset (${archives.focusDataset}) and the raw sessions export (${archives.sessionsExport})`;
}
