import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevinClient } from '#devin/client/devin-client.js';
import type { FaultPlan } from '../../../support/fake-devin-api/faults.js';
import { FEBRUARY, rejectionOf } from '../fake-api-harness.js';
import { midChain, mixedDataset, startV3Harness, type V3Harness } from './v3-harness.js';

let harness: V3Harness | undefined;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fetch-spool-'));
});
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const FAULTS: FaultPlan = {
  rate: {
    probability: 0.2,
    seed: 7,
    faults: [{ kind: 'status', status: 500 }, { kind: 'reset' }, { kind: 'malformed-json' }],
  },
};

const clientOf = (h: V3Harness, api: 'v2' | 'v3'): DevinClient => (api === 'v3' ? h.client : h.v2);

describe.each(['v2', 'v3'] as const)('fetching into a spool (%s)', (api) => {
  it('reads back exactly what an in-memory fetch holds, under faults, and leaves only the spool', async () => {
    harness = await startV3Harness(mixedDataset(3_000), { faults: FAULTS, client: { maxAttempts: 10 } });
    const client = clientOf(harness, api);
    const inMemory = await client.fetchSessions(FEBRUARY);
    const spoolPath = join(dir, 'run.sessions.spool');
    const spooled = await client.fetchSessions(FEBRUARY, { spoolPath });

    expect(spooled.sessions.count).toBe(3_000);
    expect([...spooled.sessions]).toEqual([...inMemory.sessions]);
    expect(spooled.stats.nullAcus).toBe(inMemory.stats.nullAcus);
    expect(harness.api.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(3);
    // v3's per-window parts are joined into the one file and removed.
    expect(readdirSync(dir)).toEqual(['run.sessions.spool']);
  });

  it('leaves nothing behind when the fetch fails after part of the month was spooled', async () => {
    let pagesAfterFirst = 0;
    harness = await startV3Harness(mixedDataset(3_000), {
      faults: {
        script: [
          {
            // A refusal is not retried: the fetch fails, late, with most pages already spooled.
            fault: { kind: 'status', status: 400 },
            when: (r) => (midChain(r) || (r.query.skip?.[0] ?? '0') !== '0') && ++pagesAfterFirst === 12,
          },
        ],
      },
    });
    const error = await rejectionOf(
      clientOf(harness, api).fetchSessions(FEBRUARY, { spoolPath: join(dir, 'run.sessions.spool') }),
    );
    expect(error).toMatchObject({ name: 'DevinApiError', status: 400 });
    expect(pagesAfterFirst).toBeGreaterThanOrEqual(12);
    expect(readdirSync(dir)).toEqual([]);
  });
});
