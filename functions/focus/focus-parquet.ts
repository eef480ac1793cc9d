import { type ColumnSource, fileWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import type { FocusDataset } from './build-focus-rows.js';
import { DECIMAL_PRECISION, type FocusColumn } from './focus-columns.js';
import type { FocusValue } from './focus-row.js';
import { FocusRowError } from './focus-row-error.js';

/**
 * Rows per row group: the writer encodes one group at a time, so this bounds
 * the column values and pages in memory whatever the number of sessions.
 * Measured with bench:focus: groups of 50k rows cost about +355 MB of RSS
 * (at 500k and 1.1M sessions alike), 20k +245 MB, 5k +87 MB but a 10 %
 * larger file; 10k keeps the file within a few percent of 50k's and a month
 * of 5M sessions to 500 groups in the footer.
 */
const ROW_GROUP_ROWS = 10_000;

export interface FocusParquetOptions {
  /** Key/value pairs in the file footer, e.g. the schema metadata's id and where it lives. */
  readonly footer: Readonly<Record<string, string>>;
  readonly createdBy: string;
  /** Rows per row group; ROW_GROUP_ROWS unless a test wants several groups from a few rows. */
  readonly rowGroupRows?: number;
}

/**
 * The dataset as one Parquet file (Snappy) at `path`, written with
 * hyparquet-writer: pure JavaScript, so the arm64 Lambda bundles it without a
 * native module. Row groups go to disk as they are encoded (the library's
 * file writer flushes every megabyte), so neither the file nor all its
 * columns are ever in memory; only the footer's per-group metadata is kept.
 * Decimals are DECIMAL(38, scale) from the exact bigints (16-byte fixed
 * length), instants TIMESTAMP(MILLIS, isAdjustedToUTC = true), JSON columns
 * plain UTF-8 strings (Athena and DuckDB read them as strings; the schema
 * metadata names them JSON), nulls real nulls (OPTIONAL columns), and the
 * columns FOCUS never allows to be null REQUIRED.
 *
 * The file is incomplete until this returns: callers write it under a
 * temporary name and remove it on failure.
 */
export function writeFocusParquet(dataset: FocusDataset, path: string, options: FocusParquetOptions): void {
  const schema: SchemaElement[] = [
    { name: 'root', num_children: dataset.columns.length },
    ...dataset.columns.map(schemaElement),
  ];
  const parquet = new ParquetWriter({
    writer: fileWriter(path),
    schema,
    kvMetadata: Object.entries(options.footer).map(([key, value]) => ({ key, value })),
    createdBy: options.createdBy,
  });
  for (const chunk of dataset.chunks(options.rowGroupRows ?? ROW_GROUP_ROWS)) {
    parquet.write({
      columnData: dataset.columns.map((column) => columnSource(column, chunk.values.get(column.name))),
      rowGroupSize: chunk.length,
    });
  }
  parquet.finish();
}

function schemaElement(column: FocusColumn): SchemaElement {
  const repetition_type = column.nullable ? 'OPTIONAL' : 'REQUIRED';
  const { name } = column;
  switch (column.type.kind) {
    case 'decimal': {
      const { scale } = column.type;
      return {
        name,
        repetition_type,
        type: 'FIXED_LEN_BYTE_ARRAY',
        type_length: 16,
        converted_type: 'DECIMAL',
        scale,
        precision: DECIMAL_PRECISION,
        logical_type: { type: 'DECIMAL', scale, precision: DECIMAL_PRECISION },
      };
    }
    case 'datetime':
      return {
        name,
        repetition_type,
        type: 'INT64',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
      };
    case 'json':
      return {
        name,
        repetition_type,
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        logical_type: { type: 'STRING' },
      };
    case 'string':
      return {
        name,
        repetition_type,
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        logical_type: { type: 'STRING' },
      };
  }
}

function columnSource(column: FocusColumn, data: readonly FocusValue[] | undefined): ColumnSource {
  if (data === undefined) throw new FocusRowError(column.name, undefined);
  if (!column.nullable && data.includes(null)) throw new FocusRowError(column.name, null);
  return { name: column.name, data: data as FocusValue[], nullable: column.nullable };
}
