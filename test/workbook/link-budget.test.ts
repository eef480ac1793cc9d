import { describe, expect, it } from 'vitest';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import { linkBudget, linkBudgetNotes, MAX_LINKS_PER_SHEET } from '#workbook/link-budget.js';
import type { WorkbookInput } from '#workbook/workbook-input.js';
import { session } from '../core/report/session-fixture.js';
import { OCTOBER_2026_UTC, USD_2_25 } from '../support/report-periods.js';
import { RUN, STATS } from './fixtures.js';
import { roundTrip, rowValues, sheet } from './read-back.js';

describe('linkBudget', () => {
  it('links the first URLs up to its size, then writes the same URL as text', () => {
    const budget = linkBudget(2);
    const cells = ['https://a.example/1', null, 'https://a.example/2', 'https://a.example/3'].map((url) =>
      budget.cell(url),
    );
    expect(cells).toEqual([
      { text: 'https://a.example/1', hyperlink: 'https://a.example/1' },
      null,
      { text: 'https://a.example/2', hyperlink: 'https://a.example/2' },
      'https://a.example/3',
    ]);
    expect([budget.links, budget.asText]).toEqual([2, 1]);
    expect(linkBudgetNotes(budget)).toEqual([
      'The URLs of the first 2 rows are links; the 1 after them are text, since Excel allows 65,530 links a sheet (this workbook stops at 2). Paste one into a browser to open it.',
    ]);
  });

  it('spends nothing on what is never a link (not a web address), and says nothing when all fit', () => {
    const budget = linkBudget(1);
    expect(budget.cell('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(budget.cell('https://a.example/1')).toEqual({
      text: 'https://a.example/1',
      hyperlink: 'https://a.example/1',
    });
    expect(budget.asText).toBe(0);
    expect(linkBudgetNotes(budget)).toEqual([]);
  });
});

describe('a Sessions sheet with more sessions than Excel allows links', () => {
  it(`links the first ${MAX_LINKS_PER_SHEET.toLocaleString('en-US')} URLs, writes the rest as text and says so`, async () => {
    const count = MAX_LINKS_PER_SHEET + 3;
    const sessions = Array.from({ length: count }, (_, i) =>
      session({ sessionId: `s${i}`, acus: 1, url: `https://app.devin.ai/sessions/s${i}` }),
    );
    const report = buildChargebackReport({
      period: OCTOBER_2026_UTC,
      pricing: USD_2_25,
      sessions,
      directory: EMPTY_DIRECTORY,
    });
    const input: WorkbookInput = {
      report,
      sessions,
      run: RUN,
      stats: { ...STATS, reportedTotal: count, itemsReceived: count },
    };
    const rows = sheet(await roundTrip(input), 'Sessions');
    const url = rowValues(rows, 2).indexOf('URL') + 1;
    const at = (n: number) => rows.getCell(2 + n, url).value;
    expect(at(1)).toEqual({
      text: 'https://app.devin.ai/sessions/s0',
      hyperlink: 'https://app.devin.ai/sessions/s0',
    });
    expect(at(MAX_LINKS_PER_SHEET)).toMatchObject({
      hyperlink: `https://app.devin.ai/sessions/s${MAX_LINKS_PER_SHEET - 1}`,
    });
    expect(at(MAX_LINKS_PER_SHEET + 1)).toBe(`https://app.devin.ai/sessions/s${MAX_LINKS_PER_SHEET}`);
    expect(at(count)).toBe(`https://app.devin.ai/sessions/s${count - 1}`);
    let links = 0;
    rows.eachRow((row) => {
      const value = row.getCell(url).value;
      if (typeof value === 'object' && value !== null && 'hyperlink' in value) links += 1;
    });
    expect(links).toBe(MAX_LINKS_PER_SHEET);
    const notes: string[] = [];
    rows.eachRow((row) => {
      const first = row.getCell(1).value;
      if (typeof first === 'string' && first.startsWith('The URLs of the first')) notes.push(first);
    });
    expect(notes).toEqual([
      'The URLs of the first 65,000 rows are links; the 3 after them are text, since Excel allows 65,530 links a sheet (this workbook stops at 65,000). Paste one into a browser to open it.',
    ]);
  }, 120_000);
});
