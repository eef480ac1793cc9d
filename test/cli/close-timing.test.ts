// `npm run report -- --close` is checked as the Lambda checks a close: not before the period's
// last billing day (08:00 UTC on the 1st for a UTC month) has ended and its bill settled.

import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useReportCli } from '../support/report-cli-harness.js';

// 10:00 UTC on 1 December: November's last billing day ended two hours ago.
const harness = useReportCli({
  key: 'cog_close_timing_service_user_secret_77aa01',
  seed: 9,
  sessions: 60,
  now: new Date('2026-12-01T10:00:00Z'),
  folderPrefix: 'close-timing-',
});

const closeRecords = async () =>
  ((await readdir(harness.out(), { recursive: true })) as string[]).filter((name) =>
    name.endsWith('.close.json'),
  );

describe('when the CLI may close a month', () => {
  it('refuses a close inside the settle margin, saying when it may run, and writes no record', async () => {
    const run = await harness.cli('--month', '2026-11', '--close');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(
      /--close: true would close November 2026 before its last billing day has ended and settled \(4 h\); it may close from 2026-12-01T12:00:00\.000Z/,
    );
    expect(await closeRecords()).toEqual([]);
  }, 120_000);

  it('still runs the preliminary report of that month', async () => {
    const run = await harness.cli('--month', '2026-11', '--json');
    expect(run.code).toBe(0);
    expect(await closeRecords()).toEqual([]);
  }, 120_000);

  it('closes once the margin asked for has passed (--settle-hours 1)', async () => {
    const run = await harness.cli('--month', '2026-11', '--close', '--settle-hours', '1');
    expect(run.stderr).not.toMatch(/would close/);
    expect(run.code).toBe(0);
    expect(await closeRecords()).toEqual(['devin-acu-chargeback-2026-11.close.json']);
  }, 120_000);

  it('names a settle margin it cannot use', async () => {
    const run = await harness.cli('--month', '2026-11', '--close', '--settle-hours', 'soon');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--settle-hours: "soon" must be a number of hours from 0 to 168/);
  }, 60_000);
});
