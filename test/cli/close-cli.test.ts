// `npm run report -- --close` in process against the fake Devin API: a close is written once,
// and nothing later (a second close, a filtered run, a preliminary run, the next month's close)
// changes a byte of the closed month's files.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCloseRecord } from '#close/close-record.js';
import { useReportCli } from '../support/report-cli-harness.js';

const harness = useReportCli({
  key: 'cog_close_cli_service_user_secret_5e7b1ce5',
  seed: 5,
  sessions: 200,
  now: new Date('2026-12-06T10:00:00Z'),
  folderPrefix: 'close-cli-',
});
const cli = harness.cli;

/** Every file of the closed October (its FOCUS partition included) with its SHA-256. */
async function october(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const names = (await readdir(harness.out(), { recursive: true })) as string[];
  for (const name of names.sort()) {
    const ofRecord =
      (name.startsWith('devin-acu-chargeback-2026-10.') && !name.includes('.preview.')) ||
      name.includes('billing_period=2026-10/');
    if (ofRecord && !name.endsWith('/') && name.includes('.')) {
      try {
        files[name] = createHash('sha256')
          .update(await readFile(join(harness.out(), name)))
          .digest('hex');
      } catch {
        // a folder
      }
    }
  }
  return files;
}

describe('closing a period from the command line', () => {
  it('closes October once; a second close, a filtered run, a preliminary run and November’s close leave it as it was', async () => {
    const first = await cli('--month', '2026-10', '--close', '--json');
    expect(first.code, first.stderr).toBe(0);
    const json = JSON.parse(first.stdout) as {
      closed: boolean;
      files: { close: string };
      unsettled: { sessions: number };
    };
    expect(json.closed).toBe(true);
    expect(json.files.close).toBe(join(harness.out(), 'devin-acu-chargeback-2026-10.close.json'));
    const record = parseCloseRecord(JSON.parse(await readFile(json.files.close, 'utf8')), 'close');
    expect(record.unsettled.count).toBe(json.unsettled.sessions);
    const closed = await october();
    expect(Object.keys(closed)).toContain('devin-acu-chargeback-2026-10.close.json');
    const listing = (await readdir(harness.out(), { recursive: true })).sort();

    const again = await cli('--month', '2026-10', '--close', '--json');
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^October 2026 was closed at .* by run /m);
    expect(JSON.parse(again.stdout)).toMatchObject({ closed: true, duplicateOf: record.runId });
    expect((await readdir(harness.out(), { recursive: true })).sort()).toEqual(listing);

    const filtered = await cli('--month', '2026-10', '--org', 'org_0', '--json');
    expect(filtered.code, filtered.stderr).toBe(0);
    const filteredFiles = (JSON.parse(filtered.stdout) as { files: Record<string, string> }).files;
    expect(filteredFiles.workbook).toMatch(/devin-acu-chargeback-2026-10_filtered-[0-9a-f]{8}\.xlsx$/);
    expect(filteredFiles.focus).toBeUndefined();

    const preview = await cli('--month', '2026-10', '--json');
    expect(preview.code, preview.stderr).toBe(0);
    const previewJson = JSON.parse(preview.stdout) as { closed: boolean; files: { workbook: string } };
    expect(previewJson).toMatchObject({ closed: false });
    expect(previewJson.files.workbook).toBe(join(harness.out(), 'devin-acu-chargeback-2026-10.preview.xlsx'));

    expect((await cli('--month', '2026-11', '--close')).code).toBe(0);
    expect(await october()).toEqual(closed);
  }, 180_000);

  it('refuses to close a slice, naming the flag', async () => {
    const refused = await cli('--month', '2026-11', '--close', '--tag', 'x');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--tag: "x" cannot be combined with --close/);
  });
});
