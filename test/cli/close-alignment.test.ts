// Issue 27, finding 4: one record per month, whatever the alignment. A calendar month and the
// same month by billing days share one FOCUS partition (`billing_period=YYYY-MM`) and are one
// month for finance: once either is closed, a run of the other writes a preview under its own
// names and never the partition, and a close of the other is refused, naming the record.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useReportCli } from '../support/report-cli-harness.js';

const harness = useReportCli({
  key: 'cog_close_alignment_service_user_secret_4d21',
  seed: 41,
  sessions: 150,
  now: new Date('2026-12-06T14:00:00Z'),
  folderPrefix: 'close-alignment-',
});
const cli = harness.cli;

/** Every file of the month's FOCUS partition (Parquet, schema, CSV) with its SHA-256. */
async function partition(month: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const names = (await readdir(join(harness.out(), 'focus'), { recursive: true })) as string[];
  for (const name of names.sort()) {
    if (!name.includes(`billing_period=${month}/`)) continue;
    files[name] = createHash('sha256')
      .update(await readFile(join(harness.out(), 'focus', name)))
      .digest('hex');
  }
  return files;
}
const records = async () => (await readdir(harness.out())).filter((n) => n.endsWith('.close.json')).sort();
const finalFiles = async (slug: string) =>
  (await readdir(harness.out())).filter(
    (n) => n.startsWith(`devin-acu-chargeback-${slug}.`) && !n.includes('.preview.'),
  );

describe('one record per month, whatever the alignment', () => {
  it('a billing-day run of a month closed by calendar writes a preview, and its close is refused', async () => {
    const closed = await cli('--month', '2026-10', '--close');
    expect(closed.code, closed.stderr).toBe(0);
    const before = await partition('2026-10');
    expect(Object.keys(before).length).toBeGreaterThan(0);

    const preliminary = await cli('--month', '2026-10', '--billing-day', '--json');
    expect(preliminary.code, preliminary.stderr).toBe(0);
    const json = JSON.parse(preliminary.stdout) as { closed: boolean; files: { workbook: string } };
    expect(json.closed).toBe(false);
    expect(json.files.workbook).toBe(
      join(harness.out(), 'devin-acu-chargeback-2026-10_billing-day.preview.xlsx'),
    );
    expect(await partition('2026-10')).toEqual(before);

    const second = await cli('--month', '2026-10', '--billing-day', '--close');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(join(harness.out(), 'devin-acu-chargeback-2026-10.close.json'));
    expect(second.stderr).toMatch(/closed under the calendar alignment/);
    expect(await partition('2026-10')).toEqual(before);
    expect(await records()).toEqual(['devin-acu-chargeback-2026-10.close.json']);
    expect(await finalFiles('2026-10_billing-day')).toEqual([]);
  }, 180_000);

  it('a calendar run of a month closed by billing days writes a preview, and its close is refused', async () => {
    const closed = await cli('--month', '2026-11', '--billing-day', '--close');
    expect(closed.code, closed.stderr).toBe(0);
    const before = await partition('2026-11');
    expect(Object.keys(before).length).toBeGreaterThan(0);
    const recordsBefore = await records();

    const preliminary = await cli('--month', '2026-11', '--json');
    expect(preliminary.code, preliminary.stderr).toBe(0);
    expect((JSON.parse(preliminary.stdout) as { files: { workbook: string } }).files.workbook).toBe(
      join(harness.out(), 'devin-acu-chargeback-2026-11.preview.xlsx'),
    );
    expect(await partition('2026-11')).toEqual(before);

    const second = await cli('--month', '2026-11', '--close');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      join(harness.out(), 'devin-acu-chargeback-2026-11_billing-day.close.json'),
    );
    expect(await partition('2026-11')).toEqual(before);
    expect(await records()).toEqual(recordsBefore);
    expect(await finalFiles('2026-11')).toEqual([]);
  }, 180_000);
});
