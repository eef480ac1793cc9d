import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_SESSION_ROWS,
  EXCEL_MAX_ROWS,
  MAX_SESSION_ROWS_LIMIT,
  parseMaxSessionRows,
  SESSION_SHEET_OTHER_ROWS,
  sessionCoverageSentence,
  workbookSessionCoverage,
} from '#core/report/session-row-limit.js';

const ARCHIVES = {
  focusDataset: 's3://bucket/reports/focus/billing_period=2026-10/devin-focus-2026-10.parquet',
  sessionsExport: 's3://bucket/reports/monthly/2026/devin-acu-chargeback-2026-10.sessions.json.gz',
};

describe('workbookSessionCoverage', () => {
  it('lists every session under the cap, and says nothing about it', () => {
    const coverage = workbookSessionCoverage(10, 10);
    expect(coverage).toMatchObject({ sessions: 10, sessionsShown: 10, capped: false });
    expect(sessionCoverageSentence(coverage, ARCHIVES)).toBeNull();
  });

  it('keeps the first N sessions over the cap and says where all of them are', () => {
    const coverage = workbookSessionCoverage(1_100_000, 1_000_000);
    expect(coverage).toMatchObject({ sessions: 1_100_000, sessionsShown: 1_000_000, capped: true });
    expect(sessionCoverageSentence(coverage, ARCHIVES)).toBe(
      `The workbook lists the first 1,000,000 of 1,100,000 sessions (a limit of 1,000,000 session rows, under Excel's 1,048,576 rows a sheet); all 1,100,000 are in the period's FOCUS dataset (${ARCHIVES.focusDataset}) and the raw sessions export (${ARCHIVES.sessionsExport}). Every total covers all sessions.`,
    );
  });

  it('gives carried-in sessions only the rows the period’s sessions leave', () => {
    expect(workbookSessionCoverage(3, 5, 4)).toMatchObject({
      sessionsShown: 3,
      carriedShown: 2,
      capped: true,
    });
    expect(workbookSessionCoverage(6, 5, 4)).toMatchObject({ sessionsShown: 5, carriedShown: 0 });
    expect(workbookSessionCoverage(3, 7, 4).capped).toBe(false);
  });

  it('refuses a cap the sheet cannot hold', () => {
    expect(() => workbookSessionCoverage(1, 0)).toThrow(/maxSessionRows: 0 must be a whole number/);
    expect(() => workbookSessionCoverage(1, MAX_SESSION_ROWS_LIMIT + 1)).toThrow(/maxSessionRows/);
  });
});

describe('the row limit', () => {
  it('leaves room under Excel’s limit for the title, header, Total and notes', () => {
    expect(MAX_SESSION_ROWS_LIMIT + SESSION_SHEET_OTHER_ROWS).toBe(EXCEL_MAX_ROWS);
    expect(DEFAULT_MAX_SESSION_ROWS).toBeLessThan(MAX_SESSION_ROWS_LIMIT);
  });

  it('parses a cap, naming the field and value when it is bad', () => {
    expect(parseMaxSessionRows('MAX_SESSION_ROWS', undefined)).toBe(DEFAULT_MAX_SESSION_ROWS);
    expect(parseMaxSessionRows('MAX_SESSION_ROWS', ' 42 ')).toBe(42);
    expect(() => parseMaxSessionRows('MAX_SESSION_ROWS', '4.2')).toThrow(
      /^MAX_SESSION_ROWS: "4.2" must be a whole number from 1 to 1,048,561/,
    );
  });
});
