import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { parseCostCentreMap } from '#core/cost-centres/parse-cost-centre-map.js';
import { InvalidInputError } from '#core/errors.js';
import { parseSharedCostRule } from '#core/shared-costs/shared-cost-rule.js';
import type { CostCentreSetup, JournalFormatRequest } from '#pipeline/cost-centre-setup.js';
import type { CliOptions } from './cli-options.js';
import { DEMO_COST_CENTRES_FILE, DEMO_CREDIT_ACCOUNT, DEMO_ERP_MAPPING_FILE } from './demo-cost-centres.js';

/** The map from --cost-centres (or COST_CENTRES_FILE); the demo's sample when the demo is given none. */
export async function loadCostCentres(
  options: CliOptions,
  mode: 'api' | 'demo',
): Promise<CostCentreSetup | undefined> {
  const demoDefault = mode === 'demo' && options.costCentresFile === undefined;
  const file = options.costCentresFile ?? (demoDefault ? DEMO_COST_CENTRES_FILE : undefined);
  if (file === undefined) {
    if (options.journalFormats.length > 0) {
      throw new InvalidInputError(
        '--journal-format',
        options.journalFormats.join(','),
        'needs a cost-centre map (the journal): pass --cost-centres FILE (or set COST_CENTRES_FILE)',
      );
    }
    if (options.showback === true) {
      throw new InvalidInputError(
        '--showback',
        true,
        'needs a cost-centre map: pass --cost-centres FILE (or set COST_CENTRES_FILE)',
      );
    }
    return undefined;
  }
  const text = await readText(file, '--cost-centres');
  const creditAccount = options.creditAccount ?? (demoDefault ? DEMO_CREDIT_ACCOUNT : undefined);
  return {
    map: parseCostCentreMap(text, demoDefault ? 'the demo sample map (demo-cost-centres.csv)' : file),
    creditAccounts: parseCreditAccounts(creditAccount, '--credit-account'),
    sharedCosts: parseSharedCostRule(options.sharedCosts, '--shared-costs'),
    journalFormats: await loadJournalFormats(options, file, demoDefault),
  };
}

/** The formats asked for and erp-mapping.csv (--erp-mapping, else beside the map; the demo's own with the demo map). */
async function loadJournalFormats(
  options: CliOptions,
  mapFile: string,
  demoDefault: boolean,
): Promise<JournalFormatRequest | undefined> {
  if (options.journalFormats.length === 0) return undefined;
  const file =
    options.erpMappingFile ??
    (demoDefault ? DEMO_ERP_MAPPING_FILE : join(dirname(mapFile), 'erp-mapping.csv'));
  return { formats: options.journalFormats, mappingText: await readText(file, '--erp-mapping') };
}

async function readText(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      flag,
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}
