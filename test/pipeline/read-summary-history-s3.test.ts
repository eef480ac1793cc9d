import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAwsDelivery } from '#chargeback/aws-delivery.js';
import { reportKeys } from '#chargeback/report-keys.js';
import { monthPeriod } from '#core/period/month-period.js';
import { readSummaryHistory } from '#pipeline/read-summary-history.js';
import { useLocalS3 } from '../support/aws-local-s3.js';
import {
  ARCHIVE,
  EXPECTED_SLUGS,
  NO_FILTERS,
  NOVEMBER_2026,
  otherFiltersSummary,
} from './history-fixture.js';

const BUCKET = 'chargeback-history';
const PREFIX = 'reports/';
const NOW = new Date('2026-12-01T06:00:00Z');

let s3: S3Client;
useLocalS3(BUCKET, (client) => {
  s3 = client;
});

beforeAll(async () => {
  for (const [month, entry] of Object.entries(ARCHIVE)) {
    const body =
      entry === 'corrupt'
        ? 'not json'
        : JSON.stringify(entry === 'other-filters' ? otherFiltersSummary(month) : entry);
    const key = reportKeys(PREFIX, monthPeriod(month, 'UTC', NOW)).summary;
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: 'application/json' }),
    );
  }
});

describe('readSummaryHistory from the report bucket', () => {
  it('reads the earlier months’ summary.json under the configured prefix, as the Lambda does', async () => {
    const delivery = createAwsDelivery({
      s3,
      ses: new SESClient({}),
      bucket: BUCKET,
      keys: reportKeys(PREFIX, NOVEMBER_2026),
      prefix: PREFIX,
      sender: 'reports@example.com',
      recipients: ['finance@example.com'],
      linkTtlSeconds: 3600,
      attachMaxBytes: 0,
      force: false,
      now: () => NOW,
    });
    const history = await readSummaryHistory(delivery, NOVEMBER_2026, undefined, NO_FILTERS);

    expect(history.summaries.map((s) => s.period.slug)).toEqual(EXPECTED_SLUGS);
    expect(history.warnings).toHaveLength(1);
    expect(history.warnings[0]).toContain('September 2026');
    expect(history.warnings[0]).toContain('not valid JSON');
    expect(history.skipped).toHaveLength(1);
  });
});
