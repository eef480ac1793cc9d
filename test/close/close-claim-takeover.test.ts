// The claim stores' take-over of a dead close, raced directly: every round leaves a dead claim
// and lets eight runs find it at once; in each round exactly one may take it over.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCloseStore } from '../../functions/close/file-close-store.js';

const NOW = new Date('2026-12-06T10:00:00Z');
const DEAD = `${JSON.stringify({ runId: 'run-that-died', claimedAt: '2026-12-06T08:00:00.000Z' })}\n`;
let dir: string;

async function hops(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) await nextTurn();
}

describe('taking over a dead close claim in a folder', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'close-claim-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives a dead claim to exactly one of eight racing runs, round after round', async () => {
    for (let round = 0; round < 40; round++) {
      const store = fileCloseStore(dir, `round-${round}.close.json`);
      await writeFile(join(dir, `.round-${round}.close.claim`), DEAD);
      const runIds = Array.from({ length: 8 }, (_, i) => `run-${round}-${i}`);
      // Staggered by a few turns of the event loop each (more every round), so one run's take-over overlaps another's.
      const claims = await Promise.all(
        runIds.map((id, i) => hops(i * (round % 5)).then(() => store.claim(id, NOW))),
      );
      const claimed = runIds.filter((_, i) => claims[i]?.kind === 'claimed');
      expect(claimed, `round ${round}`).toHaveLength(1);
      for (const claim of claims) {
        if (claim.kind === 'in-progress') expect(claim.runId).not.toBe('run-that-died');
      }
    }
  });

  it('keeps a renewed lease from being judged dead, and frees the period on release', async () => {
    const store = fileCloseStore(dir, 'lease.close.json');
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    expect((await store.claim('run-a', at(0))).kind).toBe('claimed');
    expect(await store.renew('run-a', at(4))).toBe(true);
    expect(await store.renew('run-b', at(4))).toBe(false);
    // Six minutes after the claim, but two after its renewal: still run-a's.
    expect(await store.claim('run-b', at(6))).toMatchObject({ kind: 'in-progress', runId: 'run-a' });
    await store.release('run-b');
    expect(await store.claim('run-b', at(6))).toMatchObject({ kind: 'in-progress', runId: 'run-a' });
    await store.release('run-a');
    expect((await store.claim('run-b', at(6))).kind).toBe('claimed');
  });
});
