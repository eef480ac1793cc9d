import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export interface WidthMeasurement {
  readonly viewport: number;
  /** The document's scroll width: more than the viewport means sideways scrolling. */
  readonly scrollWidth: number;
  /** Elements whose box reaches past the viewport's right edge (or starts left of 0). */
  readonly overflowing: readonly { readonly tag: string; readonly text: string; readonly right: number }[];
  /** Boxes that scroll sideways (a table wider than its box): the first text of each. */
  readonly scrollingBoxes: readonly string[];
  /** The top edge, in CSS px from the top of the page, of each element marked `data-measure="name"`. */
  readonly marks: Readonly<Record<string, number>>;
}

const escapeAttribute = (html: string) => html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Lays `html` out in headless Chromium at `width` CSS pixels and measures every
 * element. Headless windows are at least 500 px wide, so the email goes into
 * an iframe of exactly `width` (a srcdoc frame, same origin, whose media
 * queries see its own width); the measuring script lives in the outer page,
 * never in the email.
 */
export async function measureHtmlWidth(html: string, width: number): Promise<WidthMeasurement> {
  const dir = await mkdtemp(join(tmpdir(), 'email-width-'));
  try {
    const page = join(dir, 'measure.html');
    await writeFile(
      page,
      `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="email" style="width:${width}px;height:4000px;border:0;display:block" srcdoc="${escapeAttribute(html)}"></iframe>
<script>
document.getElementById('email').addEventListener('load', () => {
  const doc = document.getElementById('email').contentDocument;
  const viewport = doc.documentElement.clientWidth;
  const overflowing = [];
  for (const element of doc.body.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.right > viewport + 0.5 || rect.left < -0.5) {
      overflowing.push({ tag: element.tagName, text: (element.textContent || '').trim().slice(0, 60), right: rect.right });
    }
  }
  const scrollingBoxes = [];
  for (const box of doc.body.querySelectorAll('div')) {
    if (box.scrollWidth > box.clientWidth + 0.5) scrollingBoxes.push((box.textContent || '').trim().slice(0, 60));
  }
  const marks = {};
  for (const element of doc.querySelectorAll('[data-measure]')) {
    marks[element.getAttribute('data-measure')] = element.getBoundingClientRect().top;
  }
  const out = document.createElement('pre');
  out.id = 'measurement';
  out.textContent = JSON.stringify({ viewport, scrollWidth: doc.documentElement.scrollWidth, overflowing, scrollingBoxes, marks });
  document.body.appendChild(out);
});
</script></body></html>`,
    );
    const { stdout } = await run(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--window-size=800,4000',
        '--virtual-time-budget=5000',
        '--dump-dom',
        `file://${page}`,
      ],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const match = /<pre id="measurement">([^<]*)<\/pre>/.exec(stdout);
    if (match?.[1] === undefined) throw new Error('Chromium printed no measurement');
    const json = match[1]
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    return JSON.parse(json) as WidthMeasurement;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
