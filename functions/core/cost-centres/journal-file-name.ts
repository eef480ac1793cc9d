import type { RunStatus } from '../report/run-status.js';
import { isPreliminary } from '../report/run-status.js';
import type { Journal } from './journal.js';

/**
 * `<base>.journal.csv` for a closing run whose every line has an account;
 * `<base>.journal.PRELIMINARY.csv` for a run that does not close, and
 * `<base>.journal.DRAFT.csv` for a close whose usage is not all mapped, so a
 * file picked up by an ERP import says in its very name that it is not the
 * period's entry (or not one that imports as is).
 */
export function journalFileName(
  base: string,
  runStatus: RunStatus | undefined,
  journal?: Pick<Journal, 'draft'> | undefined,
): string {
  if (isPreliminary({ runStatus })) return `${base}.journal.PRELIMINARY.csv`;
  return journal?.draft === true ? `${base}.journal.DRAFT.csv` : `${base}.journal.csv`;
}
