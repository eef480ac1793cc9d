import type { S3Client } from '@aws-sdk/client-s3';
import { getTextObject } from '../aws/get-text-object.js';
import { parseCostCentreMap } from '../core/cost-centres/parse-cost-centre-map.js';
import type { CostCentreSetup } from '../pipeline/cost-centre-setup.js';
import type { LambdaConfig } from './lambda-config.js';

/**
 * The map finance uploaded (COST_CENTRES_KEY), read at every run so a change
 * needs no deploy. No object: no cost centres, the report is as before. A map
 * that does not parse fails the run, naming its lines: a journal built on a
 * half-read map would be worse than none.
 */
export async function loadCostCentreObject(
  s3: S3Client,
  config: Pick<LambdaConfig, 'bucket' | 'costCentresKey' | 'creditAccounts'> &
    Partial<Pick<LambdaConfig, 'sharedCosts'>>,
): Promise<CostCentreSetup | undefined> {
  const text = await getTextObject(s3, config.bucket, config.costCentresKey);
  if (text === undefined) return undefined;
  return {
    map: parseCostCentreMap(text, `s3://${config.bucket}/${config.costCentresKey}`),
    creditAccounts: config.creditAccounts,
    sharedCosts: config.sharedCosts,
  };
}
