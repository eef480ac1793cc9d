import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ClosedPeriodReader } from '../true-ups/closed-period-files.js';
import { localCloseStore } from './local-delivery.js';

/** Closed periods in an output folder: the record, and the export and map it names (paths relative to the folder). */
export function localClosedPeriods(outDir: string): ClosedPeriodReader {
  return async (period) => {
    const record = await localCloseStore(outDir, period).readRecord();
    if (record === undefined) return undefined;
    const map = record.artifacts.costCentres;
    return {
      record,
      sessionsExport: await readFile(resolve(outDir, record.artifacts.sessions.key)),
      mapText: map === undefined ? undefined : await readFile(resolve(outDir, map.key), 'utf8'),
      summaryText: await readFile(resolve(outDir, record.artifacts.summary.key), 'utf8'),
    };
  };
}
