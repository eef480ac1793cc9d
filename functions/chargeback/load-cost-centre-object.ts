import type { S3Client } from '@aws-sdk/client-s3';
import { getTextObject } from '#aws/get-text-object.js';
import { parseCostCentreMap } from '#core/cost-centres/parse-cost-centre-map.js';
import type { CostCentreSetup, JournalFormatRequest } from '#pipeline/cost-centre-setup.js';
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
    Partial<Pick<LambdaConfig, 'sharedCosts' | 'journalFormats' | 'erpMappingKey'>>,
): Promise<CostCentreSetup | undefined> {
  const text = await getTextObject(s3, config.bucket, config.costCentresKey);
  if (text === undefined) return undefined;
  return {
    map: parseCostCentreMap(text, `s3://${config.bucket}/${config.costCentresKey}`),
    creditAccounts: config.creditAccounts,
    sharedCosts: config.sharedCosts,
    journalFormats: await loadErpMapping(s3, config),
  };
}

/**
 * erp-mapping.csv (ERP_MAPPING_KEY) when a journal format is on. No object reads as an empty
 * mapping: the formats are then refused naming the first code they miss, after the generic journal is stored.
 */
async function loadErpMapping(
  s3: S3Client,
  config: Pick<LambdaConfig, 'bucket'> & Partial<Pick<LambdaConfig, 'journalFormats' | 'erpMappingKey'>>,
): Promise<JournalFormatRequest | undefined> {
  const formats = config.journalFormats ?? [];
  if (formats.length === 0 || config.erpMappingKey === undefined) return undefined;
  const text = await getTextObject(s3, config.bucket, config.erpMappingKey);
  return { formats, mappingText: text ?? '' };
}
