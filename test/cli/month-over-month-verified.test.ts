// Issue 27, finding 7: a close compares with the month before (and draws the trend) from
// earlier closes' summary.json; those are checked against their record's SHA-256 too. An
// edited October summary refuses November's close, naming the file and both hashes; a
// preliminary run still reads it as a courtesy comparison.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useReportCli } from '../support/report-cli-harness.js';

const harness = useReportCli({
  key: 'cog_mom_verified_service_user_secret_71f0',
  seed: 71,
  sessions: 100,
  now: new Date('2026-12-06T14:00:00Z'),
  folderPrefix: 'mom-verified-',
});
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('a close compares only with summaries that match their close record', () => {
  it("refuses November's close when October's summary.json is not the one October closed with", async () => {
    expect((await harness.cli('--month', '2026-10', '--close')).code).toBe(0);
    const path = join(harness.out(), 'devin-acu-chargeback-2026-10.summary.json');
    const original = await readFile(path);
    const summary = JSON.parse(original.toString('utf8')) as { totals: { acus: string } };
    summary.totals.acus = '0';
    const edited = `${JSON.stringify(summary, null, 2)}\n`;
    await writeFile(path, edited);
    const before = (await readdir(harness.out())).sort();

    const november = await harness.cli('--month', '2026-11', '--close');
    expect(november.code).toBe(1);
    expect(november.stderr).toContain(path);
    expect(november.stderr).toContain(sha(original));
    expect(november.stderr).toContain(sha(Buffer.from(edited)));
    expect((await readdir(harness.out())).sort()).toEqual(before);

    const preliminary = await harness.cli('--month', '2026-11');
    expect(preliminary.code, preliminary.stderr).toBe(0);
  }, 120_000);
});
