import { fileURLToPath } from 'node:url';

/** The demo's map: every demo org but Internal Tools, and a tag rule, so the demo shows Unmapped and a moved session. */
export const DEMO_COST_CENTRES_FILE = fileURLToPath(
  new URL('../devin/fake/demo-cost-centres.csv', import.meta.url),
);

/** The demo's credit accounts (accrued vendor invoices): 2100, and 2150 for the UK entity. */
export const DEMO_CREDIT_ACCOUNT = '2100;UK01=2150';
