import { label } from '../glossary/glossary.js';

/*
 * Names of the rows that hold what the bill has and no org or user carries.
 * Shared by the reconciliation and the billed cost basis so every sheet and
 * the email call the same ACUs by the same name.
 */

/** The org table's row for billed ACUs no org carries (the vendor names Cascade and Terminal). */
export const UNATTRIBUTED_ORG_ID = '(unattributed)';
export const UNATTRIBUTED_ORG_NAME = `${label('sharedProducts')} (no org)`;

/** The reconciliation's user line for billed ACUs no user carries. */
export const UNATTRIBUTED_USER_NAME = 'No user';

/** An org's row for its billed ACUs that no user row shows (billed basis). */
export const NOT_ATTRIBUTED_TO_A_USER = 'Not attributed to a user';
