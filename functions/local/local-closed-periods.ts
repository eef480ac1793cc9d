import { storedClosedPeriods } from '#close/stored-closed-periods.js';
import { folderObjectStore } from '#store/folder-object-store.js';
import type { ClosedPeriodReader } from '#true-ups/closed-period-files.js';
import { localCloseStore } from './local-delivery.js';

/** Closed periods in an output folder: the record, and the export, map and summary it names (paths relative to the folder). */
export function localClosedPeriods(outDir: string): ClosedPeriodReader {
  return storedClosedPeriods(folderObjectStore(outDir), (period) => localCloseStore(outDir, period));
}
