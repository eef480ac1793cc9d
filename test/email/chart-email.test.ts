import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartImage } from '#charts/chart-image.js';
import { CHART_WIDTH } from '#charts/cost-by-org-svg.js';
import { renderReportCharts } from '#charts/render-report-charts.js';
import { previewHtml } from '#email/chart-html.js';
import { escapeHtml } from '#email/escape-html.js';
import { inlineChartParts } from '#email/inline-chart-parts.js';
import { buildRawMessage } from '#email/raw-message.js';
import { type RenderedEmail, renderChargebackEmail } from '#email/render-chargeback-email.js';
import { XLSX_CONTENT_TYPE } from '#workbook/workbook-file-name.js';
import { FIVE_ORGS, monthSummary } from '../charts/chart-fixture.js';
import { octoberReport, octoberRun, s3Delivery } from './fixtures.js';

let charts: ChartImage[];
let email: RenderedEmail;

beforeAll(async () => {
  const report = octoberReport();
  charts = await renderReportCharts(report, [monthSummary('2026-09', FIVE_ORGS)]);
  email = renderChargebackEmail({ report, run: octoberRun(), delivery: s3Delivery(), charts });
});

async function raw(attachWorkbook = false): Promise<Buffer> {
  return buildRawMessage({
    from: 'Devin Reports <reports@example.com>',
    to: ['finance@example.com'],
    subject: email.subject,
    html: email.html,
    text: email.text,
    date: new Date('2026-11-01T06:01:00Z'),
    inlineImages: inlineChartParts(email.inlineImages),
    attachments: attachWorkbook
      ? [{ filename: 'report.xlsx', contentType: XLSX_CONTENT_TYPE, content: Buffer.from('PK workbook') }]
      : [],
  });
}

describe('the email with charts', () => {
  it('shows each chart by cid with its figures as alt text, shrinking to a phone and never past the width it was drawn for (at most 600 px)', () => {
    expect(charts.map((c) => c.kind)).toEqual(['cost-by-org', 'cost-trend']);
    for (const chart of charts) {
      const img = email.html.match(
        new RegExp(`<img src="cid:${chart.contentId.replace(/\./g, '\\.')}"[^>]*>`),
      )?.[0];
      expect(img).toBeDefined();
      expect(img).toContain(`alt="${escapeHtml(chart.alt)}"`);
      expect(img).toContain(`width="${CHART_WIDTH}"`);
      expect(CHART_WIDTH).toBeLessThanOrEqual(600);
      expect(img).toContain(`width:100%;max-width:${CHART_WIDTH}px;height:auto;`);
    }
    expect(email.html).toContain('Bar chart of cost by org for October 2026, total USD ');
    expect(email.inlineImages).toBe(charts);
  });

  it('carries the charts as inline parts of a multipart/related beside the HTML, with matching Content-IDs', async () => {
    const message = await raw();
    const text = message.toString('utf8');
    expect(text).toMatch(/Content-Type: multipart\/alternative/);
    expect(text).toMatch(/Content-Type: multipart\/related/);
    for (const chart of charts) {
      expect(text).toContain(`Content-ID: <${chart.contentId}>`);
    }
    const parsed = await simpleParser(message);
    expect(parsed.attachments.map((a) => [a.cid, a.contentType, a.contentDisposition, a.related])).toEqual(
      charts.map((c) => [c.contentId, 'image/png', 'inline', true]),
    );
    for (const [i, part] of parsed.attachments.entries())
      expect(part.content.equals(charts[i]?.png ?? Buffer.alloc(0))).toBe(true);
    const referenced = [...email.html.matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]);
    expect(referenced).toEqual(parsed.attachments.map((a) => a.cid));
    expect(parsed.text).toBe(email.text);
  });

  it('keeps the workbook a separate attachment when it rides along', async () => {
    const parsed = await simpleParser(await raw(true));
    expect(parsed.attachments.map((a) => [a.filename, a.related ?? false])).toEqual([
      ['cost-by-org.png', true],
      ['cost-trend.png', true],
      ['report.xlsx', false],
    ]);
    expect((await raw(true)).toString('utf8')).toMatch(/Content-Type: multipart\/mixed/);
  });

  it('stays well inside the SES message size with both charts', async () => {
    const size = (await raw()).length;
    expect(size).toBeLessThan(1_000_000);
  });

  it('points the local preview at the PNG files instead of cid:', () => {
    const page = previewHtml(email.html, charts, (c) => `report.${c.kind}.png`);
    expect(page).not.toContain('cid:');
    expect(page).toContain('src="report.cost-by-org.png"');
    expect(page).toContain('src="report.cost-trend.png"');
  });

  it('is unchanged without charts: no image, no inline part', async () => {
    const plain = renderChargebackEmail({
      report: octoberReport(),
      run: octoberRun(),
      delivery: s3Delivery(),
    });
    expect(plain.html).not.toContain('<img');
    expect(plain.inlineImages).toEqual([]);
    expect(inlineChartParts(undefined)).toEqual([]);
  });
});
