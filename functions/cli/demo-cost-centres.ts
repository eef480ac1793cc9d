import { fileURLToPath } from 'node:url';

/** The demo's map: four demo orgs by name, a tag rule (a moved session) and a catch-all row (org_id *) that takes Internal Tools, so the journal imports as is. */
export const DEMO_COST_CENTRES_FILE = fileURLToPath(
  new URL('../devin/fake/demo-cost-centres.csv', import.meta.url),
);

/** The demo's credit accounts (accrued vendor invoices): 2100, and 2150 for the UK entity. */
export const DEMO_CREDIT_ACCOUNT = '2100;UK01=2150';

/** The demo's erp-mapping.csv: the codes of every journal format for the demo map's entities, cost centres and accounts. */
export const DEMO_ERP_MAPPING_FILE = fileURLToPath(
  new URL('../devin/fake/demo-erp-mapping.csv', import.meta.url),
);
