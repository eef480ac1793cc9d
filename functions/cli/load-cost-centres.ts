import { readFile } from 'node:fs/promises';
import { parseCreditAccounts } from '../core/cost-centres/credit-accounts.js';
import { parseCostCentreMap } from '../core/cost-centres/parse-cost-centre-map.js';
import { InvalidInputError } from '../core/errors.js';
import { parseSharedCostRule } from '../core/shared-costs/shared-cost-rule.js';
import type { CostCentreSetup } from '../pipeline/cost-centre-setup.js';
import type { CliOptions } from './cli-options.js';
import { DEMO_COST_CENTRES_FILE, DEMO_CREDIT_ACCOUNT } from './demo-cost-centres.js';

/** The map from --cost-centres (or COST_CENTRES_FILE); the demo's sample when the demo is given none. */
export async function loadCostCentres(
  options: CliOptions,
  mode: 'api' | 'demo',
): Promise<CostCentreSetup | undefined> {
  const demoDefault = mode === 'demo' && options.costCentresFile === undefined;
  const file = options.costCentresFile ?? (demoDefault ? DEMO_COST_CENTRES_FILE : undefined);
  if (file === undefined) {
    if (options.showback === true) {
      throw new InvalidInputError(
        '--showback',
        true,
        'needs a cost-centre map: pass --cost-centres FILE (or set COST_CENTRES_FILE)',
      );
    }
    return undefined;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      '--cost-centres',
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const creditAccount = options.creditAccount ?? (demoDefault ? DEMO_CREDIT_ACCOUNT : undefined);
  return {
    map: parseCostCentreMap(text, demoDefault ? 'the demo sample map (demo-cost-centres.csv)' : file),
    creditAccounts: parseCreditAccounts(creditAccount, '--credit-account'),
    sharedCosts: parseSharedCostRule(options.sharedCosts, '--shared-costs'),
  };
}
