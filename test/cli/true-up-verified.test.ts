// Issue 27, finding 7: a close's true-ups read earlier closes' files (the sessions export, the
// map, the summary.json that says what a later close already posted). Every one is checked
// against its record's SHA-256 first: with `trueUps` edited out of November's summary,
// December's close would post October's growth a second time; it is refused instead.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_COST_CENTRES_FILE, DEMO_CREDIT_ACCOUNT } from '#cli/demo-cost-centres.js';
import { useReportCli } from '../support/report-cli-harness.js';

let clock = new Date('2026-11-02T14:00:00Z');
const harness = useReportCli({
  key: 'cog_true_up_verified_service_user_secret_9c01',
  seed: 27,
  sessions: 120,
  now: () => clock,
  folderPrefix: 'true-up-verified-',
  dataTo: new Date('2027-01-01T00:00:00Z'),
});
const close = (month: string) =>
  harness.cli(
    '--month',
    month,
    '--close',
    '--cost-centres',
    DEMO_COST_CENTRES_FILE,
    '--credit-account',
    DEMO_CREDIT_ACCOUNT,
    '--json',
  );
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('true-ups read only files that match their close record', () => {
  it("refuses December's close when November's summary.json is not the one November closed with", async () => {
    expect((await close('2026-10')).code).toBe(0);
    // After October's close one of its sessions used 1.5 ACUs more.
    const data = harness.data();
    const grown = data.sessions.find((s) => s.created_at.startsWith('2026-10-1') && s.acus_consumed !== null);
    if (grown === undefined) throw new Error('no October session to grow');
    harness.api().setData({
      ...data,
      sessions: data.sessions.map((s) =>
        s === grown
          ? { ...s, acus_consumed: (s.acus_consumed ?? 0) + 1.5, updated_at: '2026-11-20T12:00:00Z' }
          : s,
      ),
    });
    clock = new Date('2026-12-02T14:00:00Z');
    const november = await close('2026-11');
    expect(november.code, november.stderr).toBe(0);
    expect((JSON.parse(november.stdout) as { trueUp: { acus: number } }).trueUp.acus).toBe(1.5);

    // Someone edits the true-up November posted out of its summary.json.
    const summaryPath = join(harness.out(), 'devin-acu-chargeback-2026-11.summary.json');
    const original = await readFile(summaryPath);
    const edited = JSON.parse(original.toString('utf8')) as Record<string, unknown>;
    expect(edited.trueUps).toBeDefined();
    delete edited.trueUps;
    const editedText = `${JSON.stringify(edited, null, 2)}\n`;
    await writeFile(summaryPath, editedText);
    const before = (await readdir(harness.out(), { recursive: true })).sort();

    clock = new Date('2027-01-02T14:00:00Z');
    const december = await close('2026-12');
    expect(december.code).toBe(1);
    expect(december.stderr).toContain(summaryPath);
    expect(december.stderr).toContain(sha(original));
    expect(december.stderr).toContain(sha(Buffer.from(editedText)));
    // Nothing of December was written, and no email preview either.
    expect((await readdir(harness.out(), { recursive: true })).sort()).toEqual(before);
  }, 240_000);
});
