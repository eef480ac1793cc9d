// The close over the store port (stored-close.ts), raced directly, in a folder and in S3 (s3rver
// behind the conditional-write proxy): every round leaves a dead claim and lets eight runs find it
// at once; in each round exactly one may take it over.

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloseStore } from '#close/close-store.js';
import { storedClose } from '#close/stored-close.js';
import { folderObjectStore } from '#store/folder-object-store.js';
import type { ObjectStore } from '#store/object-store.js';
import { s3ObjectStore } from '#store/s3-object-store.js';
import { useLocalS3 } from '../support/aws-local-s3.js';

const NOW = new Date('2026-12-06T10:00:00Z');
const DEAD = `${JSON.stringify({ runId: 'run-that-died', claimedAt: '2026-12-06T08:00:00.000Z' })}\n`;
const BUCKET = 'close-claim-takeover';
let dir: string;
let s3: S3Client;
useLocalS3(BUCKET, (client) => {
  s3 = client;
});
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'close-claim-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BACKENDS: ReadonlyArray<{
  readonly name: string;
  readonly rounds: number;
  readonly open: () => ObjectStore;
  readonly close: (store: ObjectStore, name: string) => CloseStore;
}> = [
  {
    name: 'a folder',
    rounds: 40,
    open: () => folderObjectStore(dir),
    close: (store, name) =>
      storedClose(
        store,
        { recordKey: `${name}.close.json`, claimKey: `.${name}.close.claim` },
        { location: { kind: 'file' }, claimsNameTheProcess: true },
      ),
  },
  {
    name: 'S3',
    rounds: 4,
    open: () => s3ObjectStore(s3, BUCKET),
    close: (store, name) =>
      storedClose(
        store,
        {
          recordKey: `reports/monthly/2026/${name}.close.json`,
          claimKey: `reports/markers/monthly/${name}.close-claim.json`,
        },
        { location: { kind: 's3', bucket: BUCKET } },
      ),
  },
];

async function hops(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) await nextTurn();
}

/** The claim's key in the store (CloseStore names the record only). */
function claimKeyOf(backend: string, name: string): string {
  return backend === 'S3' ? `reports/markers/monthly/${name}.close-claim.json` : `.${name}.close.claim`;
}

describe.each(BACKENDS)(
  'taking over a dead close claim in $name',
  ({ name: backend, rounds, open, close }) => {
    it('gives a dead claim to exactly one of eight racing runs, round after round', async () => {
      const objects = open();
      for (let round = 0; round < rounds; round++) {
        const name = `round-${round}`;
        const store = close(objects, name);
        await objects.put(claimKeyOf(backend, name), DEAD);
        const runIds = Array.from({ length: 8 }, (_, i) => `run-${round}-${i}`);
        // Staggered by a few turns of the event loop each (more every round), so one run's take-over overlaps another's.
        const claims = await Promise.all(
          runIds.map((id, i) => hops(i * (round % 5)).then(() => store.claim(id, NOW))),
        );
        const claimed = runIds.filter((_, i) => claims[i]?.kind === 'claimed');
        expect(claimed, `round ${round}`).toHaveLength(1);
        for (const claim of claims) {
          if (claim.kind === 'in-progress') expect(claim.runId).toBe(claimed[0]);
        }
        expect((await store.readClaim())?.runId).toBe(claimed[0]);
      }
    });

    it('keeps a renewed lease from being judged dead, and frees the period on release', async () => {
      const store = close(open(), 'lease');
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

    it('takes a claim whose take-over answer was lost: its own claim read back means it holds it', async () => {
      const objects = open();
      // The replace is performed, then its answer is lost (as a dropped response would be).
      const lossy: ObjectStore = {
        ...objects,
        async replaceIfUnchanged(key, body, version) {
          await objects.replaceIfUnchanged(key, body, version);
          throw new Error('socket hang up');
        },
      };
      await objects.put(claimKeyOf(backend, 'lost-answer'), DEAD);
      const store = close(lossy, 'lost-answer');
      expect(await store.claim('run-a', NOW)).toEqual({ kind: 'claimed' });
      expect(await close(objects, 'lost-answer').claim('run-b', NOW)).toMatchObject({
        kind: 'in-progress',
        runId: 'run-a',
      });
    });
  },
);

describe('a close claim in a folder', () => {
  it('is dead at once when the process that holds it on this host has exited', async () => {
    const objects = folderObjectStore(dir);
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    const held = {
      runId: 'run-killed',
      claimedAt: NOW.toISOString(),
      process: { host: hostname(), pid: gone },
    };
    await objects.put('.killed.close.claim', `${JSON.stringify(held)}\n`);
    const store = BACKENDS[0]?.close(objects, 'killed');
    expect(await store?.claim('run-next', NOW)).toEqual({ kind: 'claimed' });
    expect((await store?.readClaim())?.process).toEqual({ host: hostname(), pid: process.pid });
  });
});
