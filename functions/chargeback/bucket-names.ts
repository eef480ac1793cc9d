import { PREVIEW_FILES, RECORD_FILES, type RunFiles, runFilesFor } from '#close/run-files.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { EmailMarkerName } from '#core/run/period-state.js';
import type { Build } from '#core/run/run-plan.js';
import type { SessionFilters } from '#distributed/distributed-run.js';
import { emailMarkerOf, type ReportKeys, reportKeys } from './report-keys.js';

/** The keys a plan writes under in the bucket, and each email marker's key. */
export interface BucketNames {
  readonly recordKeys: ReportKeys;
  keysOf(files: Build['files']): ReportKeys;
  markerKey(name: EmailMarkerName): string;
}

export function bucketNames(prefix: string, period: ReportPeriod, filters: SessionFilters): BucketNames {
  const recordKeys = reportKeys(prefix, period);
  const runFiles = (files: Build['files']): RunFiles =>
    files === 'record' ? RECORD_FILES : files === 'preview' ? PREVIEW_FILES : runFilesFor(filters, false);
  const keysOf = (files: Build['files']) => reportKeys(prefix, period, runFiles(files));
  return {
    recordKeys,
    keysOf,
    markerKey: (name) =>
      name === 'close'
        ? recordKeys.emailMarker
        : name === 'preliminary'
          ? emailMarkerOf(recordKeys, false)
          : keysOf(name).emailMarker,
  };
}
