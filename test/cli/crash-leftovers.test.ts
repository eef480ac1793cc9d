// Issue 27, finding 10: a run killed mid-close leaves its scratch behind (the session spool,
// ~290 bytes a session; a half-written workbook, Parquet or renamed-into-place file). The next
// run of the period removes what gone runs left, never a live run's, and closes with the
// figures of an uninterrupted run.
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useReportCli } from '../support/report-cli-harness.js';

const KEY = 'cog_crash_leftovers_service_user_secret_6b3e';
const harness = useReportCli({
  key: KEY,
  seed: 10,
  sessions: 150,
  now: new Date('2026-12-06T14:00:00Z'),
  folderPrefix: 'crash-leftovers-',
});

const scratch = async (): Promise<string[]> =>
  ((await readdir(harness.out(), { recursive: true })) as string[])
    .filter((name) => /\.partial(\.window-\d+)?$|\.spool$/.test(name))
    .sort();

interface Figures {
  totals: { sessions: number; acus: number; cost: number };
}

describe('what a killed close leaves behind', () => {
  it('is removed by the next run of the period, which closes with the figures of an uninterrupted run', async () => {
    const uninterrupted = await harness.cli('--month', '2026-10', '--json');
    expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
    const expected = (JSON.parse(uninterrupted.stdout) as Figures).totals;

    // The bill never answers: the close is killed with its sessions spooled.
    harness.api().setFaults({
      script: [{ fault: { kind: 'hang' }, when: (r) => r.path.includes('/consumption'), times: Infinity }],
    });
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'functions/cli/report.ts',
        '--out',
        harness.out(),
        '--acu-price',
        '2.25',
        '--month',
        '2026-10',
        '--close',
      ],
      {
        env: { PATH: process.env.PATH ?? '', DEVIN_API_KEY: KEY, DEVIN_API_URL: harness.api().url },
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (!(await scratch()).some((n) => n.includes('.sessions.spool')) && Date.now() < deadline)
      await sleep(50);
    child.kill('SIGKILL');
    await exited;
    const pid = child.pid ?? 0;
    // What a kill during the write would also have left, named as that run named them.
    const run = '2026-12-06T14-00-00Z-dead';
    await writeFile(join(harness.out(), `.${run}.devin-acu-chargeback-2026-10.xlsx.${pid}.partial`), 'PK');
    await writeFile(join(harness.out(), `.devin-acu-chargeback-2026-10.summary.json.${pid}.partial`), '{');
    // The v3 fetch spools each time window beside the run's spool before merging them.
    await writeFile(join(harness.out(), `.${run}.sessions.spool.${pid}.partial.window-1`), '{"id":');
    const partition = join(harness.out(), 'focus', 'billing_period=2026-10');
    await mkdir(partition, { recursive: true });
    await writeFile(join(partition, `.devin-focus-2026-10.parquet.${pid}.partial`), 'PAR1');
    const left = await scratch();
    expect(left.filter((n) => /\.sessions\.spool\.\d+\.partial$/.test(n)).length).toBe(1);
    expect(left.length).toBe(5);

    harness.api().setFaults({});
    const rerun = await harness.cli('--month', '2026-10', '--close', '--json');
    expect(rerun.code, rerun.stderr).toBe(0);
    expect((JSON.parse(rerun.stdout) as Figures & { closed: boolean }).closed).toBe(true);
    expect((JSON.parse(rerun.stdout) as Figures).totals).toEqual(expected);
    expect(await scratch()).toEqual([]);
  }, 180_000);
});
