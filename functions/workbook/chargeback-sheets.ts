import { aboutSheet } from './sheets/about-sheet.js';
import { byCostCentreSheet } from './sheets/by-cost-centre-sheet.js';
import { byOrgSheet } from './sheets/by-org-sheet.js';
import { byTagSheet } from './sheets/by-tag-sheet.js';
import { byUserSheet } from './sheets/by-user-sheet.js';
import { journalSheet } from './sheets/journal-sheet.js';
import { reconciliationSheet } from './sheets/reconciliation-sheet.js';
import { sessionTagsSheet } from './sheets/session-tags-sheet.js';
import { sessionsSheet } from './sheets/sessions-sheet.js';
import { summarySheet } from './sheets/summary-sheet.js';
import { trueUpsSheet } from './sheets/true-ups-sheet.js';
import type { WorkbookSheet } from './workbook-sheet.js';

/** The workbook's sheets in tab order; a streamed sheet cannot be moved once written. */
export const CHARGEBACK_SHEETS: readonly WorkbookSheet[] = [
  summarySheet,
  byOrgSheet,
  byUserSheet,
  byTagSheet,
  byCostCentreSheet,
  journalSheet,
  trueUpsSheet,
  reconciliationSheet,
  sessionsSheet,
  sessionTagsSheet,
  aboutSheet,
];
