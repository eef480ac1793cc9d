import type { CostCentreMap } from '#core/cost-centres/cost-centre-map.js';
import { parseCostCentreMap } from '#core/cost-centres/parse-cost-centre-map.js';

const HEADER = 'org_id,tag,cost_centre,cost_centre_name,gl_account,owner_email,legal_entity';

/** A map from CSV rows (without the header), as finance would save it. */
export function costCentreMap(...rows: readonly string[]): CostCentreMap {
  return parseCostCentreMap([HEADER, ...rows].join('\n'), 'test.csv');
}
