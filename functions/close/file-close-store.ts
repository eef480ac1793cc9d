import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, relative } from 'node:path';
import {
  type ClaimProcess,
  closeClaimText,
  type HeldCloseClaim,
  judgeHeldClaim,
  parseCloseClaim,
} from '../core/close/close-claim.js';
import {
  type CloseArtifact,
  type CloseRecord,
  closeRecordText,
  parseCloseRecordText,
} from '../core/close/close-record.js';
import { dropScratch, holdScratch, processAlive } from '../local/scratch-files.js';
import { writeFileAtomically } from '../local/write-file-atomically.js';
import { type CloseClaim, type CloseStore, STALE_CLOSE_CLAIM_MS } from './close-store.js';

/**
 * The close in a folder: `<outDir>/<base>.close.json`, created with `wx` (fails if it exists),
 * and a claim file `.<base>.close.claim` beside it. Artifact keys are paths relative to `outDir`.
 */
export function fileCloseStore(outDir: string, recordFile: string): CloseStore {
  const recordPath = join(outDir, recordFile);
  const claimPath = join(outDir, `.${recordFile.replace(/\.json$/, '')}.claim`);
  const readRecord = async (): Promise<CloseRecord | undefined> => {
    let text: string;
    try {
      text = await readFile(recordPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return parseCloseRecordText(text, recordPath);
  };
  // Written whole beside the target, then hard-linked to its name: link fails when the name
  // exists, so the first close wins and no reader ever sees half a record.
  const createOnce = async (path: string, text: string): Promise<'written' | 'exists'> => {
    await mkdir(dirname(path), { recursive: true });
    const partial = holdScratch(`${path}.${process.pid}.${Math.random().toString(16).slice(2)}.partial`);
    await writeFile(partial, text, { flag: 'wx' });
    try {
      await link(partial, path);
      return 'written';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw error;
    } finally {
      await dropScratch(partial);
    }
  };
  const takeoverPath = `${claimPath}.takeover`;
  const readText = async (path: string): Promise<string | undefined> => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  /** Whoever holds `path` (the claim, or the take-over lock): another run, closing the period. */
  const holder = async (path: string): Promise<CloseClaim> => {
    const record = await readRecord();
    if (record) return { kind: 'closed', record };
    const text = await readText(path);
    const held = text === undefined ? undefined : parseCloseClaim(text);
    return { kind: 'in-progress', runId: held?.runId ?? '?', since: held?.claimedAt };
  };
  return {
    location: { kind: 'file' },
    recordKey: recordPath,
    readRecord,
    async readClaim() {
      const text = await readText(claimPath);
      return text === undefined ? undefined : parseCloseClaim(text);
    },
    async claim(runId, now) {
      const record = await readRecord();
      if (record) return { kind: 'closed', record };
      const body = closeClaimText(runId, now, thisProcess());
      if ((await createOnce(claimPath, body)) === 'written') return { kind: 'claimed' };
      const staleText = await readText(claimPath);
      const again = await readRecord();
      if (again) return { kind: 'closed', record: again };
      const verdict = judgeHeldClaim(
        staleText === undefined ? undefined : parseCloseClaim(staleText),
        now,
        STALE_CLOSE_CLAIM_MS,
        holderGone,
      );
      if (verdict.kind === 'wait') return { kind: 'in-progress', runId: verdict.runId, since: verdict.since };
      // A close that died: taken over only under the take-over lock (created with link(2), so
      // one run holds it) and only if the claim is still the one judged dead; then replaced by
      // an atomic rename. Of several runs that found it dead, exactly one takes it over.
      if ((await createOnce(takeoverPath, body)) === 'exists') return holder(takeoverPath);
      try {
        const current = await readText(claimPath);
        const closed = await readRecord();
        if (closed) return { kind: 'closed', record: closed };
        // Released meanwhile: claimed as a fresh close would (link fails if another run did).
        if (current === undefined)
          return (await createOnce(claimPath, body)) === 'written' ? { kind: 'claimed' } : holder(claimPath);
        if (current !== staleText) return holder(claimPath);
        // Under the take-over lock, so one writer at a time; the rename is atomic.
        await writeFileAtomically(claimPath, body);
        return { kind: 'claimed' };
      } finally {
        await rm(takeoverPath, { force: true });
      }
    },
    async renew(runId, now) {
      // Under the take-over lock, so a renewal and a take-over never both write the claim.
      const body = closeClaimText(runId, now, thisProcess());
      if ((await createOnce(takeoverPath, body)) === 'exists') return false;
      try {
        const text = await readText(claimPath);
        if (text === undefined || parseCloseClaim(text)?.runId !== runId) return false;
        // Under the take-over lock, so one writer at a time; the rename is atomic.
        await writeFileAtomically(claimPath, body);
        return true;
      } finally {
        await rm(takeoverPath, { force: true });
      }
    },
    async release(runId) {
      const text = await readText(claimPath);
      if (text !== undefined && parseCloseClaim(text)?.runId === runId) await rm(claimPath, { force: true });
    },
    async fingerprint(path): Promise<CloseArtifact> {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
      return { key: relative(outDir, path), sha256: hash.digest('hex'), bytes: (await stat(path)).size };
    },
    async writeRecordOnce(record) {
      const outcome = await createOnce(recordPath, closeRecordText(record));
      if (outcome === 'written') {
        await rm(claimPath, { force: true });
        return 'written';
      }
      const existing = await readRecord();
      if (!existing) throw new Error(`${recordPath} exists but holds no close record`);
      return existing;
    },
  };
}

function thisProcess(): ClaimProcess {
  return { host: hostname(), pid: process.pid };
}

/** A claim of a process of this host that has exited (a killed CLI) is dead now, not in minutes. */
function holderGone(held: HeldCloseClaim): boolean {
  const owner = held.process;
  return (
    owner !== undefined && owner.host === hostname() && owner.pid !== process.pid && !processAlive(owner.pid)
  );
}
