// A close that fails after claiming its period releases the claim, so the next close runs at
// once; and a close that finds a live claim names the run that holds it, an id that run printed.

import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useReportCli } from '../support/report-cli-harness.js';

const NOW = new Date('2026-12-06T10:00:00Z');
const harness = useReportCli({
  key: 'cog_close_lease_service_user_secret_44c1',
  seed: 9,
  sessions: 120,
  now: NOW,
  folderPrefix: 'close-lease-',
});
const cli = harness.cli;

describe('a close’s claim is a lease', () => {
  it('releases the claim of a close that failed, so the next close runs at once', async () => {
    harness
      .api()
      .setFaults({ script: [{ fault: { kind: 'status', status: 401 }, times: Number.POSITIVE_INFINITY }] });
    const failed = await cli('--month', '2026-10', '--close');
    harness.api().setFaults({});
    expect(failed.code).toBe(1);
    const failedRun = failed.stderr.match(/Closing October 2026 as run (\S+)\./)?.[1];
    expect(failedRun, failed.stderr).toBeDefined();
    expect((await readdir(harness.out())).filter((name) => name.includes('.claim'))).toEqual([]);

    const next = await cli('--month', '2026-10', '--close', '--json');
    expect(next.code, next.stderr).toBe(0);
    const json = JSON.parse(next.stdout) as { closed: boolean; runId: string };
    expect(json.closed).toBe(true);
    expect(next.stderr).toContain(`Closing October 2026 as run ${json.runId}.`);
    expect(json.runId).not.toBe(failedRun);
  }, 120_000);

  it('names the holder of a live claim by the id that run printed', async () => {
    const [first, second] = await Promise.all([
      cli('--month', '2026-11', '--close', '--json'),
      cli('--month', '2026-11', '--close', '--json'),
    ]);
    const runs = [first, second].flatMap((r) => (r ? [r] : []));
    const closer = runs.find(
      (r) => r.code === 0 && (JSON.parse(r.stdout) as { duplicateOf?: string }).duplicateOf === undefined,
    );
    expect(closer, runs.map((r) => r.stderr).join('\n')).toBeDefined();
    const closerId = (JSON.parse(closer?.stdout ?? '{}') as { runId: string }).runId;
    for (const other of runs.filter((r) => r !== closer)) {
      // Refused while the closer held the claim, or (if it finished first) the closer's record.
      const named =
        other.stderr.match(/is being closed by run (\S+) in /)?.[1] ??
        (JSON.parse(other.stdout || '{}') as { duplicateOf?: string }).duplicateOf;
      expect(named, other.stderr).toBe(closerId);
    }
  }, 120_000);
});
