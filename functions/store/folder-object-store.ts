import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dropScratch, holdScratch, processAlive } from '#local/scratch-files.js';
import { writeFileAtomically, writeStreamAtomically } from '#local/write-file-atomically.js';
import { FolderStoreError } from './folder-store-error.js';
import {
  bodyBytes,
  type ObjectFingerprint,
  type ObjectStore,
  type ObjectStoreOperation,
  type StoredVersion,
  storedVersion,
} from './object-store.js';

/*
 * The store port over a folder: key `a/b.json` is the file `<root>/a/b.json`. Every file appears
 * whole under its name, never written in place: `put` renames a finished scratch onto it,
 * `putIfAbsent` hard-links one (link(2) fails when the name exists, so one of N racers wins).
 * A file's version is the SHA-256 of its bytes.
 *
 * `replaceIfUnchanged` takes a lock on the version it replaces, `.<name>.<version>.lock-<n>`,
 * created with link(2): of N replacers of one version one holds it, checks the file is still at
 * that version and renames the new bytes onto it; the others wait for it to finish and answer
 * false. A lock whose process is gone (a killed CLI), or older than {@link LOCK_DEAD_MS}, is not
 * waited for: the next replacer takes the lock one generation up (`-1`, `-2` …), again with
 * link(2), so even then one replacer wins.
 */

const LOCK = /\.lock-\d+$/;
const SCRATCH = /\.partial$/;
/** Generations of a version's lock tried before giving up: each is a replacer that died holding it. */
const LOCK_GENERATIONS = 16;
/** A replace holds its lock for milliseconds: one held this long (by any host) belongs to a replacer that died. */
const LOCK_DEAD_MS = 10_000;
/** How long a replacer waits for another's lock, and how often it looks. */
const LOCK_WAIT_MS = 15_000;
const LOCK_POLL_MS = 5;

export function folderObjectStore(rootDir: string): ObjectStore {
  const root = resolve(rootDir);
  const pathOf = (key: string, operation: ObjectStoreOperation): string => {
    const parts = key.split('/');
    if (
      key === '' ||
      isAbsolute(key) ||
      key.includes('\\') ||
      parts.some((p) => p === '' || p === '.' || p === '..')
    )
      throw new FolderStoreError(`not a key of the store: ${JSON.stringify(key)}`, {
        path: root,
        key,
        operation,
      });
    return join(root, ...parts);
  };
  const fail = (message: string, key: string, operation: ObjectStoreOperation, error: unknown) =>
    new FolderStoreError(
      `${message}: ${String(error)}`,
      { path: join(root, key), key, operation },
      { cause: error },
    );
  const read = async (path: string): Promise<StoredVersion | undefined> => {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      // One open file: its bytes and mtime belong together (files are replaced, never rewritten).
      const [bytes, stats] = await Promise.all([handle.readFile(), handle.stat()]);
      return storedVersion(bytes, sha256(bytes), stats.mtime);
    } finally {
      await handle.close();
    }
  };
  return {
    kind: 'folder',
    failure: (message, key, operation, cause) =>
      new FolderStoreError(message, { path: join(root, key), key, operation }, { cause }),
    location: (key) => pathOf(key, 'get'),
    async get(key) {
      try {
        return await read(pathOf(key, 'get'));
      } catch (error) {
        if (error instanceof FolderStoreError) throw error;
        throw fail('could not read', key, 'get', error);
      }
    },
    async put(key, body) {
      const path = pathOf(key, 'put');
      try {
        await mkdir(dirname(path), { recursive: true });
        if (typeof body === 'string' || body instanceof Uint8Array)
          await writeFileAtomically(path, bodyBytes(body));
        else await writeStreamAtomically(path, body);
      } catch (error) {
        throw fail('could not write', key, 'put', error);
      }
    },
    async putIfAbsent(key, body) {
      const path = pathOf(key, 'put-if-absent');
      try {
        return await createOnce(path, bodyBytes(body));
      } catch (error) {
        throw fail('could not create', key, 'put-if-absent', error);
      }
    },
    async replaceIfUnchanged(key, body, version) {
      const path = pathOf(key, 'replace-if-unchanged');
      try {
        const unlock = await lockVersion(path, version);
        try {
          if ((await read(path))?.version !== version) return false;
          await writeFileAtomically(path, bodyBytes(body));
          return true;
        } finally {
          await unlock();
        }
      } catch (error) {
        throw fail('could not replace', key, 'replace-if-unchanged', error);
      }
    },
    async list(prefix) {
      const from = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
      try {
        const keys = await walk(from === '' ? root : pathOf(from, 'list'), from);
        return keys.filter((key) => key.startsWith(prefix)).sort();
      } catch (error) {
        if (error instanceof FolderStoreError) throw error;
        throw fail('could not list', prefix, 'list', error);
      }
    },
    async delete(key) {
      try {
        await rm(pathOf(key, 'delete'), { force: true });
      } catch (error) {
        if (error instanceof FolderStoreError) throw error;
        throw fail('could not delete', key, 'delete', error);
      }
    },
    async fingerprint(key): Promise<ObjectFingerprint> {
      const path = pathOf(key, 'fingerprint');
      const hash = createHash('sha256');
      let bytes = 0;
      try {
        for await (const chunk of createReadStream(path)) {
          hash.update(chunk as Buffer);
          bytes += (chunk as Buffer).length;
        }
      } catch (error) {
        const why = isMissing(error) ? 'it is missing' : String(error);
        throw new FolderStoreError(
          `could not read the file to fingerprint it: ${why}`,
          {
            path,
            key,
            operation: 'fingerprint',
          },
          { cause: error },
        );
      }
      return { sha256: hash.digest('hex'), bytes };
    },
  };
}

/**
 * Written whole beside the target, then hard-linked to its name: link fails when the name exists,
 * so the first writer wins and no reader ever sees half a file.
 */
async function createOnce(path: string, bytes: Uint8Array): Promise<'written' | 'exists'> {
  await mkdir(dirname(path), { recursive: true });
  const partial = holdScratch(`${path}.${process.pid}.${Math.random().toString(16).slice(2)}.partial`);
  try {
    await writeFile(partial, bytes, { flag: 'wx' });
    await link(partial, path);
    return 'written';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  } finally {
    await dropScratch(partial);
  }
}

/**
 * Holds the lock on `version` of `path` (the release is returned). A live replacer's lock is
 * waited for: it holds it for milliseconds, and once it is gone the file is at its new version
 * (so this replace answers false, like S3 after a winning If-Match). A dead replacer's is passed
 * by taking the next generation, again with link(2).
 */
async function lockVersion(path: string, version: string): Promise<() => Promise<void>> {
  const base = join(
    dirname(path),
    `.${basename(path)}.${version.replace(/[^0-9a-zA-Z]/g, '').slice(0, 16)}.lock-`,
  );
  const me = Buffer.from(`${JSON.stringify({ host: hostname(), pid: process.pid })}\n`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    let waitFor: string | undefined;
    for (let generation = 0; generation < LOCK_GENERATIONS && waitFor === undefined; generation++) {
      const lock = `${base}${generation}`;
      if ((await createOnce(lock, me)) === 'written')
        return async () => {
          // Every generation up to this one: the ones below belong to replacers that died.
          for (let g = generation; g >= 0; g--) await rm(`${base}${g}`, { force: true });
        };
      const holder = await lockHolder(lock);
      if (holder !== 'dead') waitFor = lock;
    }
    if (waitFor === undefined)
      throw new Error(`${LOCK_GENERATIONS} replacers died holding the lock ${base}*; remove those files`);
    if (Date.now() > deadline) throw new Error(`the lock ${waitFor} was held for over ${LOCK_WAIT_MS} ms`);
    await sleep(LOCK_POLL_MS);
  }
}

/** 'gone' when released meanwhile; 'dead' when its process has exited or it is older than {@link LOCK_DEAD_MS}. */
async function lockHolder(lock: string): Promise<'alive' | 'dead' | 'gone'> {
  let text: string;
  let age: number;
  try {
    [text, age] = await Promise.all([readFile(lock, 'utf8'), stat(lock).then((s) => Date.now() - s.mtimeMs)]);
  } catch (error) {
    if (isMissing(error)) return 'gone';
    throw error;
  }
  if (age > LOCK_DEAD_MS) return 'dead';
  let holder: { host?: unknown; pid?: unknown };
  try {
    holder = JSON.parse(text) as { host?: unknown; pid?: unknown };
  } catch {
    return 'dead';
  }
  if (holder.host !== hostname() || typeof holder.pid !== 'number') return 'alive';
  return processAlive(holder.pid) ? 'alive' : 'dead';
}

/** The keys of the files below `dir` (key prefix `under`), without scratch and lock files. */
async function walk(dir: string, under: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  const keys: string[] = [];
  for (const entry of entries) {
    const key = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) keys.push(...(await walk(join(dir, entry.name), key)));
    else if (entry.isFile() && !LOCK.test(entry.name) && !SCRATCH.test(entry.name)) keys.push(key);
  }
  return keys;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
