import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { FocusFiles } from '#focus/focus-files.js';
import { FOCUS_FOLDER, focusLayout } from '#focus/focus-layout.js';
import { putFocusPartition } from '#focus/put-focus-partition.js';
import { folderObjectStore } from '#store/folder-object-store.js';
import { removeLeftovers } from './scratch-files.js';

/** Where one period's FOCUS files landed on disk. */
export interface LocalFocusDataset {
  readonly parquetPath: string;
  readonly schemaPath: string;
  readonly csvPath: string | null;
  readonly rows: number;
}

/**
 * The period's partition under `<outDir>/focus/`, replaced through the folder store as in S3
 * (put-focus-partition.ts), named by path for the CLI's output.
 */
export async function writeFocusDataset(outDir: string, files: FocusFiles): Promise<LocalFocusDataset> {
  const root = join(outDir, FOCUS_FOLDER);
  const { layout } = files;
  // A killed run's `.….parquet.<pid>.<hex>.partial` would stay beside the partition forever: the
  // store lists no scratch, so the partition's replacement never sees it.
  for (const key of [layout.schema, layout.parquet, layout.csv])
    await removeLeftovers(dirname(join(root, key)));
  const stored = await putFocusPartition(folderObjectStore(outDir), FOCUS_FOLDER, files, {});
  const pathOf = (key: string) => join(outDir, key);
  return {
    parquetPath: pathOf(stored.parquetKey),
    schemaPath: pathOf(stored.schemaKey),
    csvPath: stored.csvKey === null ? null : pathOf(stored.csvKey),
    rows: stored.rows,
  };
}

/** Whether `outDir` already holds the period's FOCUS data (a demo run from before the dataset has none). */
export async function hasFocusDataset(outDir: string, period: ReportPeriod): Promise<boolean> {
  try {
    await access(join(outDir, FOCUS_FOLDER, focusLayout(period).parquet));
    return true;
  } catch {
    return false;
  }
}
