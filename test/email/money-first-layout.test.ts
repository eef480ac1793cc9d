import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChargebackEmail } from '#email/render-chargeback-email.js';
import { runDemoMonths } from '../focus/demo-months.js';
import { chromiumAvailable, measureHtmlWidth } from '../support/measure-html-width.js';
import { reconciledReport } from './billing-fixtures.js';
import { octoberRun, s3Delivery } from './fixtures.js';

/**
 * Where the reader's eye lands: a desktop mail pane shows about 720 CSS px
 * before scrolling ("above the fold"); an iPhone 14 screen is 844 CSS px high,
 * so "within two screens" is the first 1,688 px.
 */
const DESKTOP_FOLD_PX = 720;
const PHONE_SCREEN_PX = 844;

/** The fullest month: demo, Preliminary and Unsettled notices, month over month, the bill, an S3 link and hint. */
function fullest() {
  return renderChargebackEmail({
    report: {
      ...reconciledReport(),
      runStatus: 'preliminary',
      unsettled: { sessions: 3, acus: 40_000_000n, costMinor: 9_000n },
    },
    run: octoberRun({ source: 'demo', filters: { orgIds: ['org-1'], userIds: [], tags: [] } }),
    delivery: s3Delivery({ attached: true }),
  });
}

describe('money first, in the markup', () => {
  const { html, text } = fullest();

  it('says the cost and its change in money before the ACUs, the notices and the tables', () => {
    const cost = html.indexOf('USD 27,777.60');
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThan(html.indexOf('12,345.60'));
    expect(cost).toBeLessThan(html.indexOf('Demo data'));
    expect(html.indexOf('+USD 5,727.60')).toBeLessThan(html.indexOf('Demo data'));
    expect(text.indexOf('USD 27,777.60')).toBeLessThan(text.indexOf('12,345.60'));
  });

  it('puts the workbook link before the figures and the tables, in both bodies', () => {
    const link = html.indexOf('data-measure="workbook"');
    expect(link).toBeGreaterThan(0);
    expect(link).toBeLessThan(html.indexOf('>Period<'));
    expect(link).toBeLessThan(html.indexOf('>What changed<'));
    expect(text.indexOf('https://')).toBeLessThan(text.indexOf('What changed'));
  });
});

describe.skipIf(!chromiumAvailable())('money first, measured in headless Chromium', () => {
  it('shows the workbook link above the fold at 1200 px', { timeout: 120_000 }, async () => {
    const measured = await measureHtmlWidth(fullest().html, 1200);
    const top = measured.marks.workbook;
    expect(top).toBeDefined();
    console.log(`workbook link top at 1200 px: ${top} px (fold ${DESKTOP_FOLD_PX})`);
    expect(top).toBeLessThan(DESKTOP_FOLD_PX - 40);
    expect(measured.overflowing).toEqual([]);
    // Nor does any table scroll inside its box (seven money columns once did at 1200 px).
    expect(measured.scrollingBoxes).toEqual([]);
  });

  it('shows the workbook link within the first two screens of a 390 px phone', {
    timeout: 120_000,
  }, async () => {
    const measured = await measureHtmlWidth(fullest().html, 390);
    const top = measured.marks.workbook;
    expect(top).toBeDefined();
    console.log(`workbook link top at 390 px: ${top} px (two screens ${2 * PHONE_SCREEN_PX})`);
    expect(top).toBeLessThan(2 * PHONE_SCREEN_PX - 60);
    expect(measured.overflowing).toEqual([]);
    // Nor does any table scroll inside its box (seven money columns once did at 1200 px).
    expect(measured.scrollingBoxes).toEqual([]);
    expect(measured.scrollWidth).toBe(390);
  });

  it.each([1200, 390])(
    "fits the demo's finance email and an owner's at %i px: no table scrolls in its box",
    { timeout: 180_000 },
    async (width) => {
      const out = await demoMonth();
      const finance = await readFile(join(out, 'devin-acu-chargeback-2026-11.email.html'), 'utf8');
      const owners = join(out, 'devin-acu-chargeback-2026-11.showback');
      const [owner] = (await readdir(owners)).filter((name) => name.endsWith('.email.html')).sort();
      for (const html of [finance, await readFile(join(owners, owner ?? ''), 'utf8')]) {
        const measured = await measureHtmlWidth(html, width);
        expect(measured.overflowing).toEqual([]);
        expect(measured.scrollingBoxes).toEqual([]);
      }
    },
  );
});

let demo: Promise<string> | undefined;
/** The demo's November, run once for the file (its By cost centre table has Posted: seven money columns). */
function demoMonth(): Promise<string> {
  demo ??= runDemoMonths(['2026-11']);
  return demo;
}
