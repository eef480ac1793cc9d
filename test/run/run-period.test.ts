import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STALE_CLOSE_CLAIM_MS } from '#close/close-store.js';
import { monthPeriod } from '#core/period/month-period.js';
import { NOTHING_SENT } from '#core/run/period-state.js';
import type { Build } from '#core/run/run-plan.js';
import type { RunRequest } from '#core/run/run-request.js';
import { localSameMonthStores } from '#local/local-delivery.js';
import { type RunPorts, runPeriod, TIMEOUT_WARNING_MS } from '#run/run-period.js';
import { RunRefusedError } from '#run/run-refused-error.js';

// The engine with a real folder store and a build that stands in for the pipeline: what it
// claims, holds and releases around the build, whatever the build does.
const OCTOBER = monthPeriod('2026-10', 'UTC', new Date('2026-11-02T00:00:00Z'));
const AFTER_SETTLING = new Date('2026-11-01T14:00:00Z');

const close: RunRequest = {
  trigger: 'person',
  period: OCTOBER,
  periodAskedBy: { field: '--month', value: '2026-10' },
  close: { field: '--close', value: true },
  force: false,
  email: 'preview-file',
  filtered: false,
  replacesDemoCloses: false,
  showback: false,
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'run-period-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function ports(
  build: (plan: Build) => Promise<string>,
  over: Partial<RunPorts<string>> = {},
): RunPorts<string> {
  return {
    runId: 'run-a',
    now: () => AFTER_SETTLING,
    log: { info() {}, warn() {} },
    closeSettleHours: 4,
    stores: localSameMonthStores(dir, OCTOBER),
    emailStates: async () => ({ email: NOTHING_SENT, showbackPending: false }),
    resendHint: 'run it again',
    serveRecord: async () => 'record',
    duplicate: async () => 'duplicate',
    waiting: () => 'waiting',
    showbackOnly: async () => 'showback',
    build,
    ...over,
  };
}

const claimFile = () => join(dir, '.devin-acu-chargeback-2026-10.close.claim');

describe('the run engine', () => {
  it('holds the claim while a close builds and releases it when the build fails', async () => {
    let claimedDuring: string | undefined;
    const failing = ports(async () => {
      claimedDuring = await readFile(claimFile(), 'utf8');
      throw new Error('the workbook could not be written');
    });
    await expect(runPeriod(close, failing)).rejects.toThrow('the workbook could not be written');
    expect(JSON.parse(claimedDuring ?? '{}')).toMatchObject({ runId: 'run-a' });
    // Released in the finally: the next run may close at once.
    expect(await readdir(dir)).toEqual([]);
    await expect(
      runPeriod(
        close,
        ports(async (plan) => plan.status),
      ),
    ).resolves.toBe('closed');
  });

  it('refuses a close while another run holds a live claim, naming that run', async () => {
    let inside: Promise<unknown> | undefined;
    const holder = runPeriod(
      close,
      ports(async () => {
        inside = runPeriod(
          close,
          ports(async () => 'second', { runId: 'run-b' }),
        );
        await inside.catch(() => undefined);
        return 'first';
      }),
    );
    await expect(holder).resolves.toBe('first');
    const refused = await (inside as Promise<string>).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RunRefusedError);
    expect(String(refused)).toMatch(/October 2026 is being closed by run run-a in /);
  });

  it('stamps the claim to die at the invocation deadline at the timeout warning', async () => {
    const start = Date.now();
    const deadline = new Date(start + TIMEOUT_WARNING_MS + 200);
    let stamped: { claimedAt: string } | undefined;
    const slow = ports(
      async () => {
        // Past the warning, before the deadline: the claim on disk is stamped deadline − lease.
        await new Promise((resolve) => setTimeout(resolve, 600));
        stamped = JSON.parse(await readFile(claimFile(), 'utf8')) as { claimedAt: string };
        return 'done';
      },
      { now: () => new Date(), deadline: () => deadline },
    );
    // The real clock: the period must have settled by now, which October 2026 has.
    await expect(runPeriod(close, slow)).resolves.toBe('done');
    expect(new Date(stamped?.claimedAt ?? 0).getTime()).toBe(deadline.getTime() - STALE_CLOSE_CLAIM_MS);
  });
});
