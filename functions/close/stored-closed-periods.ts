import type { ReportPeriod } from '#core/period/report-period.js';
import type { ObjectStore } from '#store/object-store.js';
import type { ClosedPeriodReader } from '#true-ups/closed-period-files.js';
import type { CloseStore } from './close-store.js';
import type { ClosedFile } from './verify-closed-file.js';

/**
 * Closed periods in a store, for a close's true-ups: each period's record, and the sessions
 * export, map copy and summary.json it names, read through the same port as the close wrote
 * them (read only; nothing of a closed period is written again). The record's artifact keys are
 * store keys: S3 keys, or paths relative to the output folder.
 */
export function storedClosedPeriods(
  store: ObjectStore,
  closeOf: (period: ReportPeriod) => CloseStore,
): ClosedPeriodReader {
  const file = async (key: string): Promise<ClosedFile> => {
    const stored = await store.get(key);
    if (stored === undefined)
      throw store.failure('could not read a file a close record names: it is missing', key, 'get');
    return { where: store.location(key), bytes: stored.bytes };
  };
  return async (period) => {
    const record = await closeOf(period).readRecord();
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
