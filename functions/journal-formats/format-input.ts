import type { Journal, JournalLine } from '#core/cost-centres/journal.js';
import { minorUnitsText } from '#core/money/format.js';
import type { ErpMapping, ErpMappingColumn } from './erp-mapping.js';
import { ErpMappingError } from './erp-mapping-error.js';
import type { JournalFormat } from './journal-format.js';

export interface FormatInput {
  readonly journal: Journal;
  readonly mapping: ErpMapping;
  /** shortReferenceOf(period, run id): the same in every format of one close. */
  readonly shortReference: string;
  readonly minorDigits: number;
  /** The generic journal's file name without `.csv`; format files add `.<format>[.<entity>].<ext>`. */
  readonly baseName: string;
  /** The run's day, YYYY-MM-DD (UTC): Oracle's journal creation date. */
  readonly createdOn: string;
}

/** Amount text from the journal's own minor units (never re-rounded): a dot, no grouping; empty for zero. */
export function amountText(minor: bigint, input: Pick<FormatInput, 'minorDigits'>): string {
  return minor === 0n ? '' : minorUnitsText(minor, { minorDigits: input.minorDigits });
}

/** The lines per legal entity, in the journal's order (each entity balances: the generic journal's rule). */
export function linesByEntity(journal: Journal): Map<string | null, JournalLine[]> {
  const groups = new Map<string | null, JournalLine[]>();
  for (const line of journal.lines)
    groups.set(line.legalEntity, [...(groups.get(line.legalEntity) ?? []), line]);
  return groups;
}

/** A line's account; a draft journal (a line with no account) cannot be posted in any format. */
export function accountOf(line: JournalLine, format: JournalFormat): string {
  if (line.account === null) {
    throw new ErpMappingError(
      format,
      line.kind === 'accrual' ? 'CREDIT_ACCOUNT' : 'gl_account',
      `cost centre ${line.costCentre}`,
      'is missing: a draft journal cannot be posted',
      line.kind === 'accrual' ? 'the deployment setting' : 'the cost-centre map',
    );
  }
  return line.account;
}

/** A code the target looks up (a company code, a cost centre): never shortened, refused when too long. */
export function codeWithin(
  value: string,
  max: number,
  where: { format: JournalFormat; column: ErpMappingColumn | 'gl_account'; subject: string; field: string },
): string {
  if (value.length > max) {
    throw new ErpMappingError(
      where.format,
      where.column,
      where.subject,
      `is ${JSON.stringify(value)}, longer than ${where.field} takes (${max} characters)`,
    );
  }
  return value;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
