import type { JournalFormat } from './journal-format.js';

/** The journal is beyond what a target imports in one file (Xero's 300 lines): no mapping fixes it. */
export class JournalFormatLimitError extends Error {
  override readonly name = 'JournalFormatLimitError';
  constructor(
    readonly format: JournalFormat,
    /** The entity whose file it is (`entity US01`). */
    readonly subject: string,
    problem: string,
  ) {
    super(`journal format ${format}: ${subject} ${problem}`);
  }
}
