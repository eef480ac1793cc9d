import type { JournalFormat } from './journal-format.js';

/**
 * A requested format needs a mapping value that is missing or unusable, or the
 * mapping file does not parse. Raised while the format files are built, in memory,
 * so nothing of any format is written; the generic journal is written before.
 */
export class ErpMappingError extends Error {
  override readonly name = 'ErpMappingError';
  constructor(
    readonly format: JournalFormat | 'erp-mapping',
    /** The column to fill, as the file names it (`sap_company_code`, `gl_account`). */
    readonly column: string,
    /** The cost centre, entity or account the value is for (`cost centre CC-110`). */
    readonly subject: string,
    problem: string,
    /** The file the column is in. */
    readonly file = 'erp-mapping.csv',
    options?: ErrorOptions,
  ) {
    super(`journal format ${format}: ${file} column ${column} for ${subject} ${problem}`, options);
  }
}
