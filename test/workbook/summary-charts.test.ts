import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartImage } from '#charts/chart-image.js';
import { CHART_WIDTH } from '#charts/cost-by-org-svg.js';
import { renderReportCharts } from '#charts/render-report-charts.js';
import { writeChargebackWorkbook } from '#workbook/write-chargeback-workbook.js';
import { FIVE_ORGS, monthSummary } from '../charts/chart-fixture.js';
import { decodePng } from '../support/png.js';
import { zipEntries } from '../support/zip-entries.js';
import { INPUT } from './fixtures.js';
import { findRow, sheet } from './read-back.js';

let dir: string;
let charts: ChartImage[];
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'summary-charts-'));
  charts = await renderReportCharts(INPUT.report, [monthSummary('2026-09', FIVE_ORGS)]);
  file = join(dir, 'report.xlsx');
  await writeChargebackWorkbook(file, { ...INPUT, charts });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the charts on the Summary sheet', () => {
  it('are in the package as Excel expects: media, a drawing the Summary sheet references, content types', async () => {
    const entries = zipEntries(await readFile(file));
    const media = [...entries.keys()].filter((name) => name.startsWith('xl/media/')).sort();
    expect(media).toEqual(['xl/media/image0.png', 'xl/media/image1.png']);
    for (const [i, name] of media.entries()) {
      expect(entries.get(name)?.equals(charts[i]?.png ?? Buffer.alloc(0))).toBe(true);
      expect(decodePng(entries.get(name) ?? Buffer.alloc(0)).width).toBe(2 * CHART_WIDTH);
    }
    const sheetXml = entries.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    const rels = entries.get('xl/worksheets/_rels/sheet1.xml.rels')?.toString('utf8') ?? '';
    const drawingRef = sheetXml.match(/<drawing r:id="(rId\d+)"\/>/)?.[1];
    expect(drawingRef).toBeDefined();
    expect(rels).toContain(
      `Id="${drawingRef}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    // Each chart starts a printed page, and so do the Summary's tables (Cost by status, By org with its Total).
    expect(sheetXml.match(/<brk [^>]*man="1"/g)).toHaveLength(3);
    // The schema's order: <drawing> after the page setup, before the end of the sheet.
    expect(sheetXml.indexOf('<drawing ')).toBeGreaterThan(sheetXml.indexOf('<pageSetup'));
    const drawing = entries.get('xl/drawings/drawing1.xml')?.toString('utf8') ?? '';
    expect(drawing.match(/<xdr:oneCellAnchor>/g)).toHaveLength(2);
    expect(drawing).toContain(`descr="${charts[0]?.alt.replace(/&/g, '&amp;')}"`);
    expect(entries.get('xl/drawings/_rels/drawing1.xml.rels')?.toString('utf8')).toContain(
      'Target="../media/image0.png"',
    );
    const types = entries.get('[Content_Types].xml')?.toString('utf8') ?? '';
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(types).toContain('<Default Extension="png" ContentType="image/png"/>');
    // No other sheet got a drawing.
    expect([...entries.keys()].filter((n) => n.startsWith('xl/drawings/') && n.endsWith('.xml'))).toEqual([
      'xl/drawings/drawing1.xml',
    ]);
  });

  it('read back on the Summary sheet below its last figures, one under the other, covering no cell with a value', async () => {
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(file);
    const summary = sheet(workbook, 'Summary');
    const images = summary.getImages();
    expect(images).toHaveLength(2);
    const chartsRow = findRow(summary, 'Charts');
    const [first, second] = images.map((image) => image.range.tl.nativeRow);
    expect(first).toBe(chartsRow); // zero-based: the row right under the "Charts" title
    expect(second).toBeGreaterThan((first ?? 0) + Math.ceil((charts[0]?.height ?? 0) / 20));
    let lastValueRow = 0;
    summary.eachRow((row, number) => {
      if (row.hasValues) lastValueRow = number;
    });
    expect(lastValueRow).toBe(chartsRow);
    const media = workbook.model.media as unknown as { type: string; extension: string; buffer: Buffer }[];
    expect(media.map((m) => m.extension)).toEqual(['png', 'png']);
    for (const name of ['By Org', 'Sessions']) expect(sheet(workbook, name).getImages()).toEqual([]);
  });

  it('are absent, with no Charts section, when there are none', async () => {
    const plain = join(dir, 'plain.xlsx');
    await writeChargebackWorkbook(plain, INPUT);
    const entries = zipEntries(await readFile(plain));
    expect([...entries.keys()].some((n) => n.startsWith('xl/media/') || n.startsWith('xl/drawings/'))).toBe(
      false,
    );
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(plain);
    expect(() => findRow(sheet(workbook, 'Summary'), 'Charts')).toThrow();
  });
});
