import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ErpMappingError } from './erp-mapping-error.js';
import type { JournalFormat } from './journal-format.js';

/**
 * erp-mapping.csv, beside the cost-centre map: a file of its own rather than
 * more cost-centre-map columns, because most of its values are per legal
 * entity (subsidiary, company code, ledger) or per account (QuickBooks names),
 * not per org, and a team that posts the generic journal keeps its map as is.
 * One row per `level` + `key`: level `entity` (key: the legal entity, `*` for
 * lines without one), `cost_centre` (key: the cost-centre code) or `account`
 * (key: the GL account). A cell a row's level does not use must stay empty.
 */
export const ERP_MAPPING_LEVEL_COLUMNS = {
  entity: [
    'netsuite_subsidiary',
    'sap_company_code',
    'sap_document_type',
    'oracle_ledger_id',
    'oracle_je_source',
    'oracle_je_category',
    'oracle_segments',
    'oracle_segment_value',
    'xero_tax_rate',
    'xero_tracking_category',
    'qbo_date_format',
  ],
  cost_centre: [
    'netsuite_department',
    'netsuite_class',
    'sap_cost_center',
    'oracle_segment_value',
    'xero_tracking_option',
    'qbo_class',
    'qbo_location',
  ],
  account: ['netsuite_account', 'oracle_segment_value', 'qbo_account_name'],
} as const;

export type ErpMappingLevel = keyof typeof ERP_MAPPING_LEVEL_COLUMNS;
export type ErpMappingColumn = (typeof ERP_MAPPING_LEVEL_COLUMNS)[ErpMappingLevel][number];

/** Every column, in the order the demo file and the docs list them. */
export const ERP_MAPPING_COLUMNS: readonly string[] = [
  'level',
  'key',
  ...new Set<string>(Object.values(ERP_MAPPING_LEVEL_COLUMNS).flat()),
];

export type ErpMappingValues = Partial<Record<ErpMappingColumn, string>>;

export interface ErpMapping {
  readonly entities: ReadonlyMap<string, ErpMappingValues>;
  readonly costCentres: ReadonlyMap<string, ErpMappingValues>;
  readonly accounts: ReadonlyMap<string, ErpMappingValues>;
  /** The file as read, stored beside the journal like the cost-centre map. */
  readonly text: string;
}

export const EMPTY_ERP_MAPPING: ErpMapping = {
  entities: new Map(),
  costCentres: new Map(),
  accounts: new Map(),
  text: '',
};

const recordSchema = z.record(z.string(), z.string());
const levelSchema = z.enum(['entity', 'cost_centre', 'account']);

/** Parses erp-mapping.csv: a header row, any column order; an unknown column, level or repeated key is refused. */
export function parseErpMapping(text: string): ErpMapping {
  let rows: unknown;
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (cause) {
    throw new ErpMappingError(
      'erp-mapping',
      '(file)',
      'erp-mapping.csv',
      `is not CSV: ${String(cause)}`,
      undefined,
      {
        cause,
      },
    );
  }
  const records = z.array(recordSchema).parse(rows);
  const known = new Set(ERP_MAPPING_COLUMNS);
  const maps = {
    entity: new Map<string, ErpMappingValues>(),
    cost_centre: new Map<string, ErpMappingValues>(),
    account: new Map<string, ErpMappingValues>(),
  };
  records.forEach((record, i) => {
    const row = `row ${i + 2}`;
    for (const column of Object.keys(record)) {
      if (!known.has(column)) throw new ErpMappingError('erp-mapping', column, row, 'is not a known column');
    }
    const level = levelSchema.safeParse(record.level);
    if (!level.success) {
      throw new ErpMappingError(
        'erp-mapping',
        'level',
        row,
        `is ${JSON.stringify(record.level ?? '')}, not entity, cost_centre or account`,
      );
    }
    const key = record.key ?? '';
    if (key === '') throw new ErpMappingError('erp-mapping', 'key', row, 'is empty');
    const allowed = new Set<string>(ERP_MAPPING_LEVEL_COLUMNS[level.data]);
    const values: Record<string, string> = {};
    for (const [column, value] of Object.entries(record)) {
      if (column === 'level' || column === 'key' || value === '') continue;
      if (!allowed.has(column)) {
        throw new ErpMappingError(
          'erp-mapping',
          column,
          `${row} (${level.data} ${key})`,
          `is not used at level ${level.data}: leave it empty`,
        );
      }
      values[column] = value;
    }
    const target = maps[level.data];
    if (target.has(key))
      throw new ErpMappingError(
        'erp-mapping',
        'key',
        `${level.data} ${key}`,
        `appears twice (again on ${row})`,
      );
    target.set(key, values as ErpMappingValues);
  });
  return { entities: maps.entity, costCentres: maps.cost_centre, accounts: maps.account, text };
}

/** A mapping value a format requires: a typed error naming the format, column and subject when it is missing. */
export function requiredValue(
  values: ReadonlyMap<string, ErpMappingValues>,
  key: string,
  column: ErpMappingColumn,
  format: JournalFormat,
  subject: string,
): string {
  const value = values.get(key)?.[column];
  if (value === undefined) throw new ErpMappingError(format, column, subject, 'is missing');
  return value;
}

export function optionalValue(
  values: ReadonlyMap<string, ErpMappingValues>,
  key: string,
  column: ErpMappingColumn,
): string | undefined {
  return values.get(key)?.[column];
}
