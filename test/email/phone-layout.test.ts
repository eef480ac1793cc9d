import { describe, expect, it } from 'vitest';
import { renderChargebackEmail } from '#email/render-chargeback-email.js';
import { chromiumAvailable, measureHtmlWidth } from '../support/measure-html-width.js';
import { reconciledReport } from './billing-fixtures.js';
import { hostileReport, octoberRun, s3Delivery } from './fixtures.js';

/** The widest email there is: every org column with month over month, the bill, an S3 link and hint. */
function widest() {
  return renderChargebackEmail({
    report: reconciledReport(),
    run: octoberRun({ source: 'demo' }),
    delivery: s3Delivery({ attached: true }),
  });
}

describe('the email on a phone: its structure (no browser needed)', () => {
  const { html } = widest();

  it('enhances with one media query and never needs it: no script, no external CSS, no @import', () => {
    const styles = html.match(/<style>[\s\S]*?<\/style>/g) ?? [];
    expect(styles).toHaveLength(1);
    expect(styles[0]).toMatch(/@media only screen and \(max-width: 480px\)/);
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
  });

  it('marks the secondary columns, header and cells alike, and repeats their values under the name for the phone', () => {
    // By org: Change %, ACUs, Sessions, Share of cost are secondary: 4 headers; cost and its change stay.
    const orgTable = html.slice(html.indexOf('>By org<'), html.indexOf('>Top users by cost<'));
    expect(orgTable.match(/<th scope="col" class="cb-wide"/g)).toHaveLength(4);
    expect(orgTable).toMatch(
      /<div class="cb-phone" style="display:none;[^"]*mso-hide:all;[^"]*">Change %: [^<]* · ACUs: [^<]* · Sessions: 812 · /,
    );
    // In a row of their own across the table, hidden but on a phone: under the name they squeezed it.
    const columns = orgTable.match(/<th scope="col"/g)?.length ?? 0;
    expect(orgTable).toMatch(
      new RegExp(
        `<tr class="cb-phone-row" style="display:none;[^"]*"><td colspan="${columns}"[^>]*><div class="cb-phone"`,
      ),
    );
    expect(orgTable).not.toMatch(/<\/span><div class="cb-phone"|[^>]<div class="cb-phone"/);
    expect(orgTable).toMatch(/<th scope="col" style="[^"]*">Change \(USD\)<\/th>/);
    // The key columns stay in every layout.
    expect(orgTable).toMatch(/<th scope="col" style="[^"]*">Cost \(USD\)<\/th>/);
  });

  it('puts each table in a box that scrolls on its own where the media query is not applied', () => {
    const tables = html.match(/<table role="table"/g) ?? [];
    const boxes = html.match(/<div style="overflow-x:auto;">\n<table role="table"/g) ?? [];
    // By org, top users, and by status (empty in this fixture, so a sentence instead).
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(boxes.length).toBe(tables.length);
  });

  it('fixes no width wider than a phone outside Outlook’s conditional comment', () => {
    const outsideOutlook = html.replace(/<!--\[if mso\]>[\s\S]*?<!\[endif\]-->/g, '');
    const widths = [...outsideOutlook.matchAll(/(?<![-\w])width(?::|=")\s*(\d+)px?/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths.every((width) => width <= 375)).toBe(true);
  });
});

describe.skipIf(!chromiumAvailable())('the email on a phone, measured in headless Chromium', () => {
  it.each([
    ['the widest month', () => widest().html],
    [
      'hostile long names',
      () =>
        renderChargebackEmail({ report: hostileReport(), run: octoberRun(), delivery: s3Delivery() }).html,
    ],
  ])('has no element wider than a 400 px or 375 px viewport: %s', { timeout: 120_000 }, async (_, html) => {
    for (const width of [400, 375]) {
      const measured = await measureHtmlWidth(html(), width);
      expect(measured.viewport, `${width}`).toBe(width);
      expect(measured.overflowing, `${width}`).toEqual([]);
      expect(measured.scrollWidth, `${width}`).toBe(width);
    }
  });

  it('scrolls no page sideways even where the phone rules are dropped (the tables scroll in their boxes)', {
    timeout: 120_000,
  }, async () => {
    const bare = widest().html.replace(/<style>[\s\S]*?<\/style>/, '');
    const measured = await measureHtmlWidth(bare, 400);
    expect(measured.scrollWidth).toBe(400);
  });

  it('keeps the desktop layout at 1200 px: every column is there', { timeout: 120_000 }, async () => {
    const measured = await measureHtmlWidth(widest().html, 1200);
    expect(measured.overflowing).toEqual([]);
  });
});
