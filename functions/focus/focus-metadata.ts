import { createHash } from 'node:crypto';
import { DECIMAL_PRECISION, FOCUS_VERSION, type FocusColumn } from './focus-columns.js';

/** FOCUS schema metadata (S12 `specification/metadata/`), one document beside each period's data. */
export interface FocusSchemaMetadata {
  readonly SchemaId: string;
  readonly FocusVersion: string;
  readonly CreationDate: string;
  readonly DataGenerator: string;
  readonly DatasetInstance: string;
  readonly ColumnDefinition: readonly FocusColumnDefinition[];
}

export interface FocusColumnDefinition {
  readonly ColumnName: string;
  readonly DataType: 'STRING' | 'DECIMAL' | 'DATETIME' | 'JSON';
  readonly NumericPrecision?: number;
  readonly NumberScale?: number;
  readonly StringEncoding?: 'UTF-8';
  readonly ProviderTagPrefixes?: readonly string[];
}

/**
 * The same columns always give the same SchemaId (a name-based UUID of the
 * definitions), so a reader can tell two periods share a schema, and adding
 * x_CostCentre gives a new one.
 */
export function focusSchemaMetadata(
  columns: readonly FocusColumn[],
  generator: string,
  createdAt: Date,
): FocusSchemaMetadata {
  const definitions = columns.map(columnDefinition);
  return {
    SchemaId: schemaIdOf(definitions),
    FocusVersion: FOCUS_VERSION,
    CreationDate: isoSeconds(createdAt),
    DataGenerator: generator,
    DatasetInstance: 'Devin ACU chargeback: Cost and Usage',
    ColumnDefinition: definitions,
  };
}

function columnDefinition(column: FocusColumn): FocusColumnDefinition {
  switch (column.type.kind) {
    case 'decimal':
      return {
        ColumnName: column.name,
        DataType: 'DECIMAL',
        NumericPrecision: DECIMAL_PRECISION,
        NumberScale: column.type.scale,
      };
    case 'datetime':
      return { ColumnName: column.name, DataType: 'DATETIME' };
    case 'json':
      // Devin's tags are the customer's own; the provider defines none, so no prefix is reserved.
      return { ColumnName: column.name, DataType: 'JSON', StringEncoding: 'UTF-8', ProviderTagPrefixes: [] };
    case 'string':
      return { ColumnName: column.name, DataType: 'STRING', StringEncoding: 'UTF-8' };
  }
}

function schemaIdOf(definitions: readonly FocusColumnDefinition[]): string {
  const hex = createHash('sha256').update(JSON.stringify(definitions)).digest('hex');
  // RFC 4122 layout, version 8 (custom) with the variant bits set.
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** FOCUS DateTimeFormat: `YYYY-MM-DDTHH:mm:ssZ`, no milliseconds. */
export function isoSeconds(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}
