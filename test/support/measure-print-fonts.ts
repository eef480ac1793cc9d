import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { PRINT_MARGINS } from '#workbook/print-setup.js';

const run = promisify(execFile);

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
export const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';

export function printToolsAvailable(): boolean {
  return existsSync(SOFFICE) && existsSync(PDFTOTEXT);
}

/**
 * A word's box in pdftotext's -bbox output is its font's ascent plus descent:
 * 1.30 × the point size for Carlito (LibreOffice's Calibri), measured on an
 * unscaled page (11 pt → 14.30, 8 pt → 10.39).
 */
const BOX_PER_POINT = 1.3;

export interface PrintedSheet {
  readonly sheet: string;
  readonly pages: readonly number[];
  /** The smallest font on the sheet's pages, in points as printed (after fit-to-page scaling). */
  readonly smallestPt: number;
  /** The text of each of its pages, for "what is on page 2" checks. */
  readonly texts: readonly string[];
  /**
   * Words that reach past the page's printable right edge (the 0.7" margin):
   * text a cell let run on beyond the last printed column, cut where the page ends.
   */
  readonly cutWords: readonly string[];
}

/** The workbook's side margin, in points. */
const SIDE_MARGIN_PT = PRINT_MARGINS.right * 72;
/** LibreOffice pads a cell's text by a point or two: a word this close to the margin still fits. */
const EDGE_TOLERANCE_PT = 2;

/**
 * Prints a workbook as LibreOffice does (headless, to PDF) and measures every
 * word's printed size. Pages are told apart by the sheet name the header
 * prints on its right (&A), the last word of the page's first line.
 */
export async function measurePrintedFonts(
  workbookPath: string,
  sheetNames: readonly string[],
): Promise<PrintedSheet[]> {
  const dir = await mkdtemp(join(tmpdir(), 'print-fonts-'));
  try {
    await run(
      SOFFICE,
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/lo`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        workbookPath,
      ],
      { timeout: 180_000 },
    );
    const pdf = join(dir, basename(workbookPath).replace(/\.xlsx$/, '.pdf'));
    const bboxPath = join(dir, 'bbox.html');
    await run(PDFTOTEXT, ['-bbox', pdf, bboxPath], { timeout: 60_000 });
    const html = await readFile(bboxPath, 'utf8');
    const bySheet = new Map<string, { pages: number[]; smallest: number; texts: string[]; cut: string[] }>();
    const pages = html.split('<page ').slice(1);
    pages.forEach((page, index) => {
      const pageWidth = Number(/^width="([\d.]+)"/.exec(page)?.[1] ?? Number.NaN);
      const words = [
        ...page.matchAll(
          /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        y: Number(m[1]),
        right: Number(m[2]),
        height: Number(m[3]) - Number(m[1]),
        text: decode(m[4] ?? ''),
      }));
      if (words.length === 0) return;
      const firstY = words[0]?.y ?? 0;
      const firstLine = words
        .filter((w) => Math.abs(w.y - firstY) < 0.5)
        .map((w) => w.text)
        .join(' ');
      const sheet = [...sheetNames]
        .sort((a, b) => b.length - a.length)
        .find((name) => firstLine.endsWith(name));
      const key = sheet ?? `(unknown: ${firstLine})`;
      const entry = bySheet.get(key) ?? { pages: [], smallest: Number.POSITIVE_INFINITY, texts: [], cut: [] };
      entry.pages.push(index + 1);
      const edge = pageWidth - SIDE_MARGIN_PT + EDGE_TOLERANCE_PT;
      for (const word of words) if (word.right > edge) entry.cut.push(`p${index + 1}: ${word.text}`);
      entry.texts.push(words.map((w) => w.text).join(' '));
      for (const word of words) entry.smallest = Math.min(entry.smallest, word.height / BOX_PER_POINT);
      bySheet.set(key, entry);
    });
    return [...bySheet].map(([sheet, entry]) => ({
      sheet,
      pages: entry.pages,
      smallestPt: Math.round(entry.smallest * 10) / 10,
      texts: entry.texts,
      cutWords: entry.cut,
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * How many pages wide a table sheet prints: every page repeats the title and
 * header rows, so the pages that show the last printed column's header are
 * one strip down the sheet; the sheet is that many times as wide.
 */
export function pagesAcross(sheet: PrintedSheet, lastHeader: string): number {
  const words = lastHeader.split(/\s+/);
  const withLast = sheet.texts.filter((text) => {
    const onPage = new Set(text.split(' '));
    return words.every((word) => onPage.has(word));
  }).length;
  return withLast === 0 ? Number.POSITIVE_INFINITY : Math.round(sheet.pages.length / withLast);
}
