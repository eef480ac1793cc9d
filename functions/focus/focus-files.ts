import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { buildFocusDataset, type FocusDatasetInput } from './build-focus-rows.js';
import { focusCsv } from './focus-csv.js';
import { type FocusLayout, focusLayout } from './focus-layout.js';
import { focusSchemaMetadata } from './focus-metadata.js';
import { writeFocusParquet } from './focus-parquet.js';

/** One period's FOCUS files, ready for a store to put in place. */
export interface FocusFiles {
  readonly layout: FocusLayout;
  readonly rowCount: number;
  readonly schemaId: string;
  /**
   * Writes the Parquet file to `path`, reading the sessions once more, a row
   * group at a time: the file is never whole in memory. Incomplete until it
   * returns; the caller writes a temporary name and renames or uploads it.
   */
  readonly writeParquet: (path: string) => void;
  readonly schemaJson: string;
  /** The gzip CSV of the same rows as a fresh stream, or null when not asked for. */
  readonly csvGzip: (() => Readable) | null;
}

export interface FocusFileOptions {
  readonly csv: boolean;
  readonly now: Date;
}

/**
 * The Parquet file, its schema metadata and optionally the CSV. The Parquet
 * footer names the schema document's key, so the data references its schema
 * and the schema can be read without opening the data (FOCUS metadata rule).
 * Nothing is encoded here: each file is produced when a store asks for it.
 */
export function focusFiles(input: FocusDatasetInput, options: FocusFileOptions): FocusFiles {
  const dataset = buildFocusDataset(input);
  const layout = focusLayout(input.report.period);
  const metadata = focusSchemaMetadata(dataset.columns, input.run.generator, options.now);
  const parquetOptions = {
    createdBy: input.run.generator,
    footer: {
      FocusVersion: metadata.FocusVersion,
      FocusSchemaId: metadata.SchemaId,
      // Relative to the dataset root (`<REPORT_PREFIX>focus/`).
      FocusSchemaLocation: layout.schema,
      'devin-chargeback:run-id': input.run.runId,
      'devin-chargeback:period': input.report.period.slug,
    },
  };
  return {
    layout,
    rowCount: dataset.rowCount,
    schemaId: metadata.SchemaId,
    writeParquet: (path) => writeFocusParquet(dataset, path, parquetOptions),
    schemaJson: `${JSON.stringify(metadata, null, 2)}\n`,
    csvGzip: options.csv ? () => Readable.from(focusCsv(dataset)).pipe(createGzip()) : null,
  };
}
