// The email marker over the store port, in a folder and in S3 (s3rver behind the conditional-write
// proxy), with lost answers injected: a store that performs the conditional write and then loses
// its answer, as an error or as the 412 an SDK retry meets.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedEmailMarker } from '#email/stored-email-marker.js';
import { folderObjectStore } from '#store/folder-object-store.js';
import type { ObjectStore } from '#store/object-store.js';
import { s3ObjectStore } from '#store/s3-object-store.js';
import { useLocalS3 } from '../support/aws-local-s3.js';

const BUCKET = 'stored-email-marker';
let s3: S3Client;
useLocalS3(BUCKET, (client) => {
  s3 = client;
});
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'email-marker-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const STORES: ReadonlyArray<{ readonly name: string; readonly open: () => ObjectStore }> = [
  { name: 'folder', open: () => folderObjectStore(dir) },
  { name: 'S3', open: () => s3ObjectStore(s3, BUCKET) },
];

/** Performs every putIfAbsent, then loses its answer. */
function losingAnswers(store: ObjectStore, how: 'error' | '412'): ObjectStore {
  return {
    ...store,
    async putIfAbsent(key, body, meta) {
      await store.putIfAbsent(key, body, meta);
      if (how === 'error') throw new Error('socket hang up');
      return 'exists';
    },
  };
}

let cases = 0;
const markerKey = () => `markers/monthly/case-${++cases}.email.json`;

describe.each(STORES)('the email marker in $name', ({ open }) => {
  it.each(['error', '412'] as const)(
    'wins its claim when the answer to its conditional write is lost (%s), sends once, and leaves the marker sent',
    async (how) => {
      const key = markerKey();
      const owner = { runId: 'run-lost-answer', period: '2026-11' };
      const lossy = storedEmailMarker(losingAnswers(open(), how), key);
      expect(await lossy.claim(owner)).toEqual({ kind: 'claimed' });
      const other = storedEmailMarker(open(), key);
      expect(await other.claim({ runId: 'run-other', period: '2026-11' })).toMatchObject({
        kind: 'in-progress',
        record: { runId: 'run-lost-answer', state: 'sending' },
      });
      await lossy.complete({ ...owner, messageId: 'ses-1', sentAt: '2026-12-01T14:00:05.000Z' });
      expect(await other.read()).toMatchObject({
        runId: 'run-lost-answer',
        state: 'sent',
        messageId: 'ses-1',
      });
      expect(await other.claim({ runId: 'run-later', period: '2026-11' })).toMatchObject({
        kind: 'already-sent',
      });
    },
  );

  it("does not take another run's marker for its own when its write's answer is lost", async () => {
    const key = markerKey();
    const held = storedEmailMarker(open(), key);
    expect(await held.claim({ runId: 'run-first', period: '2026-11' })).toEqual({ kind: 'claimed' });
    expect(
      await storedEmailMarker(losingAnswers(open(), '412'), key).claim({
        runId: 'run-second',
        period: '2026-11',
      }),
    ).toMatchObject({ kind: 'in-progress', record: { runId: 'run-first' } });
    await expect(
      storedEmailMarker(losingAnswers(open(), 'error'), key).claim({ runId: 'run-third', period: '2026-11' }),
    ).rejects.toThrow(/socket hang up/);
    // Nor the same run's claim of another period.
    expect(
      await storedEmailMarker(open(), key).claim({ runId: 'run-first', period: '2026-12' }),
    ).toMatchObject({
      kind: 'in-progress',
    });
  });

  it('frees the period when released, and refuses a marker it did not write, naming it', async () => {
    const key = markerKey();
    const store = open();
    const marker = storedEmailMarker(store, key);
    expect(await marker.claim({ runId: 'a', period: '2026-11' })).toEqual({ kind: 'claimed' });
    await marker.release();
    await marker.release();
    expect(await marker.claim({ runId: 'b', period: '2026-11' })).toEqual({ kind: 'claimed' });
    await store.put(key, 'not json');
    await expect(marker.claim({ runId: 'c', period: '2026-11' })).rejects.toThrow(
      new RegExp(`not one this tool wrote.*${store.location(key).replace(/[/.]/g, '\\$&')}`),
    );
  });
});
