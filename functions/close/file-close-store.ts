import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { z } from 'zod';
import {
  type CloseArtifact,
  type CloseRecord,
  closeRecordText,
  parseCloseRecord,
} from '../core/close/close-record.js';
import { type CloseStore, STALE_CLOSE_CLAIM_MS } from './close-store.js';

const claimSchema = z.object({ runId: z.string(), claimedAt: z.iso.datetime() });

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
    return parseCloseRecord(JSON.parse(text) as unknown, recordPath);
  };
  // Written whole beside the target, then hard-linked to its name: link fails when the name
  // exists, so the first close wins and no reader ever sees half a record.
  const createOnce = async (path: string, text: string): Promise<'written' | 'exists'> => {
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.${Math.random().toString(16).slice(2)}.partial`;
    await writeFile(partial, text, { flag: 'wx' });
    try {
      await link(partial, path);
      return 'written';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw error;
    } finally {
      await rm(partial, { force: true });
    }
  };
  return {
    location: { kind: 'file' },
    recordKey: recordPath,
    readRecord,
    async claim(runId, now) {
      const record = await readRecord();
      if (record) return { kind: 'closed', record };
      const body = `${JSON.stringify({ runId, claimedAt: now.toISOString() })}\n`;
      if ((await createOnce(claimPath, body)) === 'written') return { kind: 'claimed' };
      let held: z.infer<typeof claimSchema> | undefined;
      try {
        held = claimSchema.parse(JSON.parse(await readFile(claimPath, 'utf8')));
      } catch {
        held = undefined;
      }
      const again = await readRecord();
      if (again) return { kind: 'closed', record: again };
      if (held && now.getTime() - Date.parse(held.claimedAt) < STALE_CLOSE_CLAIM_MS) {
        return { kind: 'in-progress', runId: held.runId, since: new Date(held.claimedAt) };
      }
      await rm(claimPath, { force: true });
      return (await createOnce(claimPath, body)) === 'written'
        ? { kind: 'claimed' }
        : { kind: 'in-progress', runId: '?', since: undefined };
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
