// The store port's contract, run case for case against both adapters: the folder in a temporary
// directory, S3 against s3rver behind the conditional-write proxy (If-None-Match, If-Match).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putIfAbsentReadBack, replaceIfUnchangedReadBack } from '#store/conditional-write.js';
import { folderObjectStore } from '#store/folder-object-store.js';
import type { ObjectStore } from '#store/object-store.js';
import { s3ObjectStore } from '#store/s3-object-store.js';
import { useLocalS3 } from '../support/aws-local-s3.js';

const BUCKET = 'object-store-contract';
let s3: S3Client;
useLocalS3(BUCKET, (client) => {
  s3 = client;
});
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'object-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ADAPTERS: ReadonlyArray<{ readonly name: string; readonly open: () => ObjectStore }> = [
  { name: 'folder', open: () => folderObjectStore(dir) },
  { name: 'S3', open: () => s3ObjectStore(s3, BUCKET) },
];

let tests = 0;
/** A fresh key prefix per case, so the cases share a bucket and a folder without meeting. */
function scope(): (name: string) => string {
  const at = `case-${++tests}`;
  return (name) => `${at}/${name}`;
}

async function hops(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) await nextTurn();
}

/** A store that performs each conditional write and then loses its answer, as a dropped response would. */
function losingAnswers(store: ObjectStore, how: 'throw' | 'refused'): ObjectStore {
  return {
    ...store,
    async putIfAbsent(key, body, meta) {
      await store.putIfAbsent(key, body, meta);
      if (how === 'throw') throw new Error('socket hang up');
      return 'exists';
    },
    async replaceIfUnchanged(key, body, version, meta) {
      await store.replaceIfUnchanged(key, body, version, meta);
      if (how === 'throw') throw new Error('socket hang up');
      return false;
    },
  };
}

describe.each(ADAPTERS)('the $name object store', ({ name, open }) => {
  it('reads a missing key as undefined, deletes it without error, and refuses to fingerprint it naming it', async () => {
    const store = open();
    const key = scope()('missing.json');
    expect(await store.get(key)).toBeUndefined();
    await expect(store.delete(key)).resolves.toBeUndefined();
    await expect(store.fingerprint(key)).rejects.toThrow(/it is missing/);
    await expect(store.fingerprint(key)).rejects.toMatchObject({ key });
    expect(await store.replaceIfUnchanged(key, 'x', 'any-version')).toBe(false);
  });

  it('stores bytes and text whole, with a version that changes with the bytes, and fingerprints them', async () => {
    const store = open();
    const key = scope()('a/b/object.bin');
    const bytes = Uint8Array.from([0, 1, 2, 255, 254, 10]);
    await store.put(key, bytes);
    const first = await store.get(key);
    expect(Buffer.from(first?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect(first?.modifiedAt).toBeInstanceOf(Date);
    expect(await store.fingerprint(key)).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: 6,
    });
    await store.put(key, 'grüße\n');
    const second = await store.get(key);
    expect(second?.text()).toBe('grüße\n');
    expect(second?.version).not.toBe(first?.version);
    expect((await store.fingerprint(key)).bytes).toBe(Buffer.byteLength('grüße\n'));
    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
  });

  it('stores a stream whole, never holding it as one buffer', async () => {
    const store = open();
    const key = scope()('sessions.json.gz');
    const chunks = Array.from({ length: 64 }, (_, i) => Buffer.alloc(64 * 1024, i));
    await store.put(key, Readable.from(chunks), { contentType: 'application/json', contentEncoding: 'gzip' });
    expect(await store.fingerprint(key)).toEqual({
      sha256: createHash('sha256').update(Buffer.concat(chunks)).digest('hex'),
      bytes: 64 * 64 * 1024,
    });
  });

  it('names where a key lives', () => {
    const location = open().location('x/y.json');
    expect(location).toBe(name === 'S3' ? `s3://${BUCKET}/x/y.json` : join(dir, 'x', 'y.json'));
  });

  it('creates a key once: a second putIfAbsent finds it and leaves it as it was', async () => {
    const store = open();
    const key = scope()('once.json');
    expect(await store.putIfAbsent(key, '{"runId":"a"}')).toBe('written');
    expect(await store.putIfAbsent(key, '{"runId":"b"}')).toBe('exists');
    expect((await store.get(key))?.text()).toBe('{"runId":"a"}');
  });

  it('gives a free key to exactly one of ten racing putIfAbsent calls, round after round', async () => {
    const store = open();
    const at = scope();
    for (let round = 0; round < (name === 'S3' ? 3 : 20); round++) {
      const key = at(`race-${round}.json`);
      const bodies = Array.from({ length: 10 }, (_, i) => `{"runId":"run-${round}-${i}"}`);
      const outcomes = await Promise.all(
        bodies.map((body, i) => hops(i * (round % 4)).then(() => store.putIfAbsent(key, body))),
      );
      const winners = bodies.filter((_, i) => outcomes[i] === 'written');
      expect(winners, `round ${round}`).toHaveLength(1);
      expect((await store.get(key))?.text()).toBe(winners[0]);
    }
  });

  it('replaces only the version read: true once, false for the old version or after a change', async () => {
    const store = open();
    const key = scope()('claim.json');
    await store.put(key, 'v1');
    const v1 = (await store.get(key))?.version ?? '';
    expect(await store.replaceIfUnchanged(key, 'v2', v1)).toBe(true);
    expect((await store.get(key))?.text()).toBe('v2');
    expect(await store.replaceIfUnchanged(key, 'v3', v1)).toBe(false);
    expect((await store.get(key))?.text()).toBe('v2');
    const v2 = (await store.get(key))?.version ?? '';
    await store.delete(key);
    expect(await store.replaceIfUnchanged(key, 'v3', v2)).toBe(false);
    expect(await store.get(key)).toBeUndefined();
  });

  it('lets exactly one of ten racing replacers of one version win, round after round', async () => {
    const store = open();
    const at = scope();
    for (let round = 0; round < (name === 'S3' ? 3 : 20); round++) {
      const key = at(`takeover-${round}.json`);
      await store.put(key, '{"runId":"run-that-died"}');
      const version = (await store.get(key))?.version ?? '';
      const bodies = Array.from({ length: 10 }, (_, i) => `{"runId":"run-${round}-${i}"}`);
      const outcomes = await Promise.all(
        bodies.map((body, i) =>
          hops(i * (round % 4)).then(() => store.replaceIfUnchanged(key, body, version)),
        ),
      );
      const winners = bodies.filter((_, i) => outcomes[i]);
      expect(winners, `round ${round}`).toHaveLength(1);
      expect((await store.get(key))?.text()).toBe(winners[0]);
    }
  });

  it('lists the keys under a prefix, sorted, and nothing else', async () => {
    const store = open();
    const at = scope();
    await store.put(at('b/2.json'), '2');
    await store.put(at('b/1.json'), '1');
    await store.put(at('b/sub/3.json'), '3');
    await store.put(at('b1.json'), 'other');
    await store.put(at('c/4.json'), '4');
    // A replace and a create leave no scratch or lock file that would be listed.
    const version = (await store.get(at('b/1.json')))?.version ?? '';
    expect(await store.replaceIfUnchanged(at('b/1.json'), '1b', version)).toBe(true);
    expect(await store.putIfAbsent(at('b/5.json'), '5')).toBe('written');
    expect(await store.list(at('b/'))).toEqual([
      at('b/1.json'),
      at('b/2.json'),
      at('b/5.json'),
      at('b/sub/3.json'),
    ]);
    expect(await store.list(at('b'))).toEqual([
      at('b/1.json'),
      at('b/2.json'),
      at('b/5.json'),
      at('b/sub/3.json'),
      at('b1.json'),
    ]);
    expect(await store.list(at('none/'))).toEqual([]);
  });

  it.each(['throw', 'refused'] as const)(
    "resolves a lost answer (%s) by reading back: its own bytes there mean it won, another run's mean it lost",
    async (how) => {
      const store = open();
      const lossy = losingAnswers(store, how);
      const at = scope();
      expect(await putIfAbsentReadBack(lossy, at('marker.json'), '{"runId":"mine"}')).toBe('written');
      await store.put(at('taken.json'), '{"runId":"theirs"}');
      if (how === 'refused')
        expect(await putIfAbsentReadBack(lossy, at('taken.json'), '{"runId":"mine"}')).toBe('exists');
      else
        await expect(putIfAbsentReadBack(lossy, at('taken.json'), '{"runId":"mine"}')).rejects.toThrow(
          /socket hang up/,
        );

      await store.put(at('claim.json'), '{"runId":"dead"}');
      const dead = (await store.get(at('claim.json')))?.version ?? '';
      expect(await replaceIfUnchangedReadBack(lossy, at('claim.json'), '{"runId":"mine"}', dead)).toBe(true);
      // The version is now this run's: a second replacer with the dead version neither wins nor is told it did.
      const outcome = replaceIfUnchangedReadBack(lossy, at('claim.json'), '{"runId":"other"}', dead);
      if (how === 'refused') expect(await outcome).toBe(false);
      else await expect(outcome).rejects.toThrow(/socket hang up/);
      expect((await store.get(at('claim.json')))?.text()).toBe('{"runId":"mine"}');
    },
  );
});

describe("the folder store's replace", () => {
  it('is atomic: readers racing ten replaces only ever see one whole version', async () => {
    const store = folderObjectStore(dir);
    const key = scope()('big.json');
    const bodies = 'abcdefghijk'.split('').map((c) => c.repeat(1 << 20));
    await store.put(key, bodies[0] ?? '');
    let replacing = true;
    const seen = new Set<string>();
    const reader = (async () => {
      while (replacing) {
        const text = (await store.get(key))?.text() ?? '';
        expect(text.length).toBe(1 << 20);
        expect(text.replaceAll(text[0] ?? '', '')).toBe('');
        seen.add(text[0] ?? '');
      }
    })();
    for (const body of bodies.slice(1)) {
      const version = (await store.get(key))?.version ?? '';
      expect(await store.replaceIfUnchanged(key, body, version)).toBe(true);
    }
    replacing = false;
    await reader;
    expect(seen.size).toBeGreaterThan(1);
  });

  it('is not stopped by the lock of a replacer that was killed, and leaves no lock behind', async () => {
    const store = folderObjectStore(dir);
    const at = scope();
    await store.put(at('claim.json'), 'dead');
    const version = (await store.get(at('claim.json')))?.version ?? '';
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    const lock = join(dir, at(`.claim.json.${version.slice(0, 16)}.lock-0`));
    await writeFile(lock, `${JSON.stringify({ host: hostname(), pid: gone })}\n`);
    const outcomes = await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) => store.replaceIfUnchanged(at('claim.json'), id, version)),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await readdir(join(dir, at('')))).toEqual(['claim.json']);
  });

  it('waits for the lock of a live replacer, and passes one left for longer than a replace takes', async () => {
    const store = folderObjectStore(dir);
    const at = scope();
    await store.put(at('claim.json'), 'held');
    const version = (await store.get(at('claim.json')))?.version ?? '';
    const lock = join(dir, at(`.claim.json.${version.slice(0, 16)}.lock-0`));
    await writeFile(lock, `${JSON.stringify({ host: 'another-host', pid: 1 })}\n`);
    let settled = false;
    const replacing = store.replaceIfUnchanged(at('claim.json'), 'mine', version).finally(() => {
      settled = true;
    });
    await sleep(100);
    expect(settled).toBe(false);
    expect((await store.get(at('claim.json')))?.text()).toBe('held');
    // The other replacer let go without replacing: the version is still the one read.
    await rm(lock);
    expect(await replacing).toBe(true);

    const next = (await store.get(at('claim.json')))?.version ?? '';
    const old = join(dir, at(`.claim.json.${next.slice(0, 16)}.lock-0`));
    await writeFile(old, `${JSON.stringify({ host: 'another-host', pid: 1 })}\n`);
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(old, minuteAgo, minuteAgo);
    expect(await store.replaceIfUnchanged(at('claim.json'), 'after', next)).toBe(true);
    expect(await readdir(join(dir, at('')))).toEqual(['claim.json']);
  });

  it('refuses a key that climbs out of its folder, naming it', async () => {
    const store = folderObjectStore(dir);
    await expect(store.get('../outside.json')).rejects.toThrow(
      /not a key of the store: "\.\.\/outside\.json"/,
    );
    expect(() => store.location('/etc/passwd')).toThrow(/not a key of the store/);
  });
});
