// Closing a period through the Lambda handler, against the S3/SES emulators (s3rver behind the
// conditional-write proxy) and the fake Devin API: one record, immutable, never replaced.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCloseRecord } from '#close/close-record.js';
import { closedSessionAcus } from '#close/closed-sessions.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { startTestDevinApi, type TestDevinApi } from '../support/fake-devin-api/test-devin-api.js';
import { type ReportBucket, reportBucket } from '../support/report-bucket.js';
import {
  API_KEY_SECRET_ID,
  loadReportHandler,
  type ReportHandler,
  reportFunctionEnv,
  restoreReportEnv,
} from '../support/report-handler.js';

const API_KEY = 'apk_user_close_secret_value_1234567890';
const BUCKET = 'chargeback-close';
const OCTOBER = 'reports/monthly/2026/devin-acu-chargeback-2026-10';
const scheduledFor = (time: string) => ({
  source: 'devin-chargeback.schedule',
  kind: 'monthly',
  scheduledTime: time,
});
const CLOSE_OCTOBER = scheduledFor('2026-11-01T06:00:00Z');

let aws: AwsEmulators;
let devin: TestDevinApi;
let handler: ReportHandler;
let bucket: ReportBucket;
const bytes = (key: string) => bucket.bytes(key);
const keys = () => bucket.keys();

/** Every October object of the record (its files, its FOCUS partition, its close) with its SHA-256. */
async function octoberRecord(): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const key of await keys()) {
    const ofRecord =
      (key.startsWith(`${OCTOBER}.`) && !key.includes('.preview.')) ||
      key.includes('billing_period=2026-10/');
    if (ofRecord)
      snapshot[key] = createHash('sha256')
        .update(await bytes(key))
        .digest('hex');
  }
  return snapshot;
}

describe('closing a period in the Lambda', () => {
  beforeAll(async () => {
    aws = await startAwsEmulators();
    await aws.s3.createBucket(BUCKET);
    aws.secretsManager.setSecret(API_KEY_SECRET_ID, JSON.stringify({ apiKey: API_KEY }));
    const data = generateDataset({
      seed: 11,
      sessions: 300,
      from: new Date('2026-09-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
    });
    devin = await startTestDevinApi({ apiKey: API_KEY, data });
    handler = await loadReportHandler(reportFunctionEnv(aws, { bucket: BUCKET, devinUrl: devin.url }));
    bucket = reportBucket(aws, BUCKET);
  }, 60_000);

  afterAll(async () => {
    restoreReportEnv();
    await devin?.close();
    await aws?.stop();
  });

  it('closes October, and a second close, a filtered run, a preview and a close of November leave it byte-identical', async () => {
    const closed = await handler(CLOSE_OCTOBER);
    expect(closed.closed).toBe(true);
    expect(closed.emailed).toBe(true);
    expect(closed.close?.key).toBe(`${OCTOBER}.close.json`);
    const record = parseCloseRecord(
      JSON.parse((await bytes(`${OCTOBER}.close.json`)).toString('utf8')),
      'close',
    );
    expect(record).toMatchObject({
      runId: closed.runId,
      costBasis: 'sessions',
      pricing: { unitPrice: '2.25' },
    });
    expect(record.totals.sessions).toBe(closed.totals.sessions);
    // Every artifact's SHA-256 is the stored object's.
    for (const artifact of Object.values(record.artifacts)) {
      expect(
        createHash('sha256')
          .update(await bytes(artifact.key))
          .digest('hex'),
        artifact.key,
      ).toBe(artifact.sha256);
    }
    expect(record.artifacts.focus?.key).toBe(
      'reports/focus/billing_period=2026-10/devin-focus-2026-10.parquet',
    );
    // Every session's ACUs at close, read back in one call from the export the record names.
    const atClose = closedSessionAcus(record, await bytes(record.artifacts.sessions.key));
    expect(atClose.size).toBe(record.totals.sessions);
    expect([...atClose.values()].filter((s) => !s.settled)).toHaveLength(record.unsettled.count);

    const linkBytes = Buffer.from(await (await fetch(closed.downloadUrl)).arrayBuffer());
    const before = await octoberRecord();
    const everything = await keys();
    const mails = (await aws.ses.mails()).length;

    // A schedule retry: the record, one line, no byte changed, no object added, no email.
    const again = await handler(CLOSE_OCTOBER);
    expect(again.duplicateOf).toBe(closed.runId);
    expect(again.note).toMatch(/^October 2026 was closed at .* by run /);
    expect(await keys()).toEqual(everything);
    expect((await aws.ses.mails()).length).toBe(mails);
    // A manual close too.
    const manualClose = await handler({ month: '2026-10', close: true, email: false });
    expect(manualClose.duplicateOf).toBe(closed.runId);
    expect(await keys()).toEqual(everything);

    // A filtered run writes its own names, not the record's (nor its FOCUS partition).
    const org =
      (await bytes(`${OCTOBER}.summary.json`)).toString('utf8').match(/"orgId": "([^"]+)"/)?.[1] ?? '';
    const filtered = await handler({ month: '2026-10', orgIds: [org], email: false });
    expect(filtered.s3.key).toMatch(
      /^reports\/monthly\/2026\/devin-acu-chargeback-2026-10_filtered-[0-9a-f]{8}\.xlsx$/,
    );
    expect(filtered.focus).toBeUndefined();
    expect(filtered.closed).toBe(false);

    // The fresh-link event on the closed month serves its record, never a preview (issue 27, finding 8).
    const freshLink = await handler({ month: '2026-10', email: false });
    expect(freshLink.s3.key).toBe(`${OCTOBER}.xlsx`);
    expect(freshLink.closed).toBe(true);

    // November's close.
    const november = await handler(scheduledFor('2026-12-01T06:00:00Z'));
    expect(november.closed).toBe(true);

    expect(await octoberRecord()).toEqual(before);
    // The link the close sent still serves the bytes it was sent for.
    expect(
      Buffer.compare(Buffer.from(await (await fetch(closed.downloadUrl)).arrayBuffer()), linkBytes),
    ).toBe(0);
    expect(Buffer.compare(linkBytes, await bytes(`${OCTOBER}.xlsx`))).toBe(0);
  }, 240_000);

  it('resends a closed month’s email from its record when forced, rebuilding nothing', async () => {
    const before = await octoberRecord();
    const requests = devin.requests.length;
    const forced = await handler({ month: '2026-10', close: true, force: true });
    expect(forced.emailed).toBe(true);
    const mail = (await aws.ses.mails()).find((m) => m.messageId === forced.messageId);
    expect(mail?.subject).toMatch(/^Devin ACU chargeback — October 2026 \(closed\): /);
    expect(devin.requests.length).toBe(requests);
    expect(await octoberRecord()).toEqual(before);
  }, 120_000);

  it('makes one record of two concurrent closes', async () => {
    const event = { month: '2026-09', close: true, email: false };
    const outcomes = await Promise.allSettled([handler(event), handler(event)]);
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
    const rejected = outcomes.filter((o) => o.status === 'rejected').map((o) => String(o.reason));
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    for (const reason of rejected) expect(reason).toMatch(/September 2026 is being closed by run /);
    const closes = (await keys()).filter((key) => key.endsWith('2026-09.close.json'));
    expect(closes).toEqual(['reports/monthly/2026/devin-acu-chargeback-2026-09.close.json']);
    const record = parseCloseRecord(JSON.parse((await bytes(closes[0] ?? '')).toString('utf8')), 'close');
    for (const artifact of Object.values(record.artifacts)) {
      expect(
        createHash('sha256')
          .update(await bytes(artifact.key))
          .digest('hex'),
        artifact.key,
      ).toBe(artifact.sha256);
    }
  }, 240_000);

  it('refuses a close of a slice, naming the field', async () => {
    await expect(handler({ month: '2026-10', close: true, orgIds: ['org_1'] })).rejects.toThrow(
      /^orgIds: \["org_1"\] cannot be combined with "close": true/,
    );
  });
});
