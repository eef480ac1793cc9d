// A close that died leaves its claim behind: the runs that find it dead race to take it over,
// and exactly one may (a guarded, replace-if-unchanged take-over), or two would write one month.

import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCli } from '../../functions/cli/run-report-cli.js';
import { parseCloseRecord } from '../../functions/core/close/close-record.js';
import { type FakeDevinApi, startFakeDevinApi } from '../../functions/devin/fake/fake-devin-api.js';
import { generateDataset } from '../../functions/devin/fake/generate-dataset.js';

const KEY = 'cog_close_takeover_service_user_secret_9a1b';
const NOW = new Date('2026-12-06T10:00:00Z');
let api: FakeDevinApi;
let out: string;

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runReportCli('api', ['--out', out, '--acu-price', '2.25', ...args], {
    env: { DEVIN_API_KEY: KEY, DEVIN_API_URL: api.url },
    now: () => NOW,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('taking over a dead close from the command line', () => {
  beforeAll(async () => {
    const data = generateDataset({
      seed: 7,
      sessions: 120,
      from: new Date('2026-10-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
    });
    api = await startFakeDevinApi({ apiKey: KEY, data });
    out = await mkdtemp(join(tmpdir(), 'close-takeover-'));
  });
  afterAll(async () => {
    await api.close();
    await rm(out, { recursive: true, force: true });
  });

  it('lets exactly one of four runs racing over a dead claim close; one record whose hashes are its files', async () => {
    const dead = {
      runId: 'run-that-died',
      claimedAt: new Date(NOW.getTime() - 60 * 60 * 1000).toISOString(),
    };
    await writeFile(join(out, '.devin-acu-chargeback-2026-10.close.claim'), `${JSON.stringify(dead)}\n`);

    const runs = await Promise.all([1, 2, 3, 4].map(() => cli('--month', '2026-10', '--close', '--json')));
    const closers = runs.filter((r) => r.code === 0);
    const others = runs.filter((r) => r.code !== 0);
    expect(closers.map((r) => r.stderr)).toHaveLength(1);
    for (const other of others) {
      expect(other.code).toBe(1);
      expect(other.stderr).toMatch(/October 2026 is being closed by run \S+ in /);
      expect(other.stderr).not.toMatch(/run-that-died/);
    }
    const records = (await readdir(out)).filter((name) => name.endsWith('.close.json'));
    expect(records).toEqual(['devin-acu-chargeback-2026-10.close.json']);
    const record = parseCloseRecord(
      JSON.parse(await readFile(join(out, 'devin-acu-chargeback-2026-10.close.json'), 'utf8')),
      'close',
    );
    for (const artifact of Object.values(record.artifacts)) {
      const sha = createHash('sha256')
        .update(await readFile(join(out, artifact.key)))
        .digest('hex');
      expect(sha, artifact.key).toBe(artifact.sha256);
    }
  }, 180_000);
});
