// A close that died leaves its claim behind: the runs that find it dead race to take it over,
// and exactly one may (a guarded, replace-if-unchanged take-over), or two would write one month.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCloseRecord } from '#close/close-record.js';
import { useReportCli } from '../support/report-cli-harness.js';

const NOW = new Date('2026-12-06T10:00:00Z');
const harness = useReportCli({
  key: 'cog_close_takeover_service_user_secret_9a1b',
  seed: 7,
  sessions: 120,
  now: NOW,
  folderPrefix: 'close-takeover-',
});
const cli = harness.cli;

describe('taking over a dead close from the command line', () => {
  it('lets exactly one of four runs racing over a dead claim close; one record whose hashes are its files', async () => {
    const dead = {
      runId: 'run-that-died',
      claimedAt: new Date(NOW.getTime() - 60 * 60 * 1000).toISOString(),
    };
    await writeFile(
      join(harness.out(), '.devin-acu-chargeback-2026-10.close.claim'),
      `${JSON.stringify(dead)}\n`,
    );

    const runs = await Promise.all([1, 2, 3, 4].map(() => cli('--month', '2026-10', '--close', '--json')));
    const closers = runs.filter((r) => r.code === 0);
    const others = runs.filter((r) => r.code !== 0);
    expect(closers.map((r) => r.stderr)).toHaveLength(1);
    for (const other of others) {
      expect(other.code).toBe(1);
      expect(other.stderr).toMatch(/October 2026 is being closed by run \S+ in /);
      expect(other.stderr).not.toMatch(/run-that-died/);
    }
    const records = (await readdir(harness.out())).filter((name) => name.endsWith('.close.json'));
    expect(records).toEqual(['devin-acu-chargeback-2026-10.close.json']);
    const record = parseCloseRecord(
      JSON.parse(await readFile(join(harness.out(), 'devin-acu-chargeback-2026-10.close.json'), 'utf8')),
      'close',
    );
    for (const artifact of Object.values(record.artifacts)) {
      const sha = createHash('sha256')
        .update(await readFile(join(harness.out(), artifact.key)))
        .digest('hex');
      expect(sha, artifact.key).toBe(artifact.sha256);
    }
  }, 180_000);
});
