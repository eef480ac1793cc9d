/**
 * Measures an email's HTML in headless Chromium at phone widths: prints, per
 * width, the viewport, the document's scroll width and every element that
 * reaches past the right edge. Exits 1 if anything does. Needs Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium); not part of `npm test`.
 *
 *   npx tsx scripts/measure-email-width.ts reports/devin-acu-chargeback-2026-11.email.html
 */
import { readFile } from 'node:fs/promises';
import { measureHtmlWidth } from '../test/support/measure-html-width.js';

async function main(): Promise<void> {
  const [file, ...widths] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: measure-email-width.ts EMAIL.html [WIDTH…]');
  const html = await readFile(file, 'utf8');
  let failed = false;
  for (const width of widths.length > 0 ? widths.map(Number) : [375, 390, 400]) {
    const measured = await measureHtmlWidth(html, width);
    const wide = measured.overflowing.length;
    failed ||= wide > 0 || measured.scrollWidth > measured.viewport;
    console.log(
      `${width} px: viewport ${measured.viewport}, scroll width ${measured.scrollWidth}, ${wide} element${wide === 1 ? '' : 's'} past the edge`,
    );
    for (const element of measured.overflowing.slice(0, 10)) {
      console.log(`  <${element.tag.toLowerCase()}> right ${Math.round(element.right)}: ${element.text}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
