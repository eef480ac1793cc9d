import { access, mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ReportPeriod } from '../core/period/report-period.js';
import type { FocusFiles } from '../focus/focus-files.js';
import { FOCUS_FOLDER, focusLayout } from '../focus/focus-layout.js';
import { removeLeftovers } from './scratch-files.js';
import { writeAtomicallyWith, writeFileAtomically, writeStreamAtomically } from './write-file-atomically.js';

/** Where one period's FOCUS files landed on disk. */
export interface LocalFocusDataset {
  readonly parquetPath: string;
  readonly schemaPath: string;
  readonly csvPath: string | null;
  readonly rows: number;
}

/**
 * The period's files under `<outDir>/focus/`, each renamed into place whole,
 * then anything else in the period's folders removed: a rerun replaces the
 * partition, never adds to it. The schema goes first, so the data's footer
 * never points at a document that is not there yet.
 */
export async function writeFocusDataset(outDir: string, files: FocusFiles): Promise<LocalFocusDataset> {
  const root = join(outDir, FOCUS_FOLDER);
  const { layout } = files;
  const schemaPath = join(root, layout.schema);
  const parquetPath = join(root, layout.parquet);
  const csvPath = files.csvGzip === null ? null : join(root, layout.csv);
  for (const path of [schemaPath, parquetPath, csvPath]) {
    if (path !== null) await mkdir(dirname(path), { recursive: true });
  }
  // A killed run's `.….parquet.<pid>.partial` would stay beside the partition forever.
  for (const path of [schemaPath, parquetPath, join(root, layout.csv)]) await removeLeftovers(dirname(path));
  await writeFileAtomically(schemaPath, files.schemaJson);
  await writeAtomicallyWith(parquetPath, files.writeParquet);
  if (csvPath !== null && files.csvGzip !== null) await writeStreamAtomically(csvPath, files.csvGzip());
  await removeStaleSiblings(parquetPath);
  await removeStaleSiblings(schemaPath);
  await removeStaleSiblings(csvPath ?? join(root, layout.csv), csvPath === null);
  return { parquetPath, schemaPath, csvPath, rows: files.rowCount };
}

/** Every other finished file in the folder (another run's partial is left to that run). */
async function removeStaleSiblings(kept: string, removeKept = false): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dirname(kept));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    if (name === basename(kept) && !removeKept) continue;
    await rm(join(dirname(kept), name), { force: true, recursive: true });
  }
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
