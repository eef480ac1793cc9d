import type { Journal } from './journal.js';

/**
 * The journal's file name or key: `…journal.DRAFT.csv` when a line has no
 * account (usage the map does not cover), so no one imports it by mistake;
 * `…journal.csv` otherwise.
 */
export function journalFileFor(plainName: string, journal: Pick<Journal, 'draft'>): string {
  return journal.draft ? plainName.replace(/\.journal\.csv$/, '.journal.DRAFT.csv') : plainName;
}
