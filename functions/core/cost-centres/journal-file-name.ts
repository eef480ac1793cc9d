import type { RunStatus } from '../report/run-status.js';
import { isPreliminary } from '../report/run-status.js';

/**
 * `<base>.journal.csv` for a closing run; `<base>.journal.PRELIMINARY.csv` otherwise, so a file
 * picked up by an ERP import says in its very name that it is not the period's entry.
 */
export function journalFileName(base: string, runStatus: RunStatus | undefined): string {
  return isPreliminary({ runStatus }) ? `${base}.journal.PRELIMINARY.csv` : `${base}.journal.csv`;
}
