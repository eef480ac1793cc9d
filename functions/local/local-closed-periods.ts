import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ClosedFile } from '../core/close/verify-closed-file.js';
import type { ClosedPeriodReader } from '../true-ups/closed-period-files.js';
import { localCloseStore } from './local-delivery.js';

/** Closed periods in an output folder: the record, and the export, map and summary it names (paths relative to the folder). */
export function localClosedPeriods(outDir: string): ClosedPeriodReader {
  const file = async (key: string): Promise<ClosedFile> => {
    const where = resolve(outDir, key);
    return { where, bytes: await readFile(where) };
  };
  return async (period) => {
    const record = await localCloseStore(outDir, period).readRecord();
    if (record === undefined) return undefined;
    const map = record.artifacts.costCentres;
    return {
      record,
      sessionsExport: () => file(record.artifacts.sessions.key),
      map: map === undefined ? undefined : () => file(map.key),
      summary: () => file(record.artifacts.summary.key),
    };
  };
}
