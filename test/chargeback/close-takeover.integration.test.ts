// A Lambda close that died leaves its claim in S3: the handlers that find it dead race to take
// it over (PutObject `If-Match` on the ETag read), and exactly one may, against s3rver behind the
// conditional-write proxy, SES's emulator and the fake Devin API.

import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { parseCloseRecord } from '#close/close-record.js';
import { useReportFunction } from '../support/report-function-harness.js';

const API_KEY = 'apk_user_close_takeover_secret_value_12345';
const BUCKET = 'chargeback-close-takeover';
const SEPTEMBER = 'reports/monthly/2026/devin-acu-chargeback-2026-09';
const CLAIM = 'reports/markers/monthly/2026-09.close-claim.json';

const harness = useReportFunction({
  apiKey: API_KEY,
  bucket: BUCKET,
  seed: 23,
  sessions: 120,
  from: new Date('2026-08-01T00:00:00Z'),
  to: new Date('2026-11-01T00:00:00Z'),
});

describe('taking over a dead close in the Lambda', () => {
  it('lets exactly one of four handlers racing over a dead claim close; one record, one email', async () => {
    const { aws, handler, bucket } = harness();
    const dead = { runId: 'run-that-died', claimedAt: '2026-10-01T00:00:00.000Z' };
    await bucket.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: CLAIM, Body: `${JSON.stringify(dead)}\n` }),
    );
    const mailsBefore = (await aws.ses.mails()).length;
    const event = { month: '2026-09', close: true };
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map(() => handler(event)));
    const closers = outcomes.flatMap((o) =>
      o.status === 'fulfilled' && o.value.duplicateOf === undefined ? [o.value] : [],
    );
    expect(closers).toHaveLength(1);
    const closer = closers[0];
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect(String(outcome.reason)).toMatch(/September 2026 is being closed by run /);
        expect(String(outcome.reason)).not.toMatch(/run-that-died/);
      } else if (outcome.value !== closer) {
        expect(outcome.value.duplicateOf).toBe(closer?.runId);
      }
    }
    expect((await aws.ses.mails()).length - mailsBefore).toBe(1);
    const closes = (await bucket.keys()).filter((key) => key.endsWith('2026-09.close.json'));
    expect(closes).toEqual([`${SEPTEMBER}.close.json`]);
    const record = parseCloseRecord(
      JSON.parse((await bucket.bytes(closes[0] ?? '')).toString('utf8')),
      'close',
    );
    expect(record.runId).toBe(closer?.runId);
    for (const artifact of Object.values(record.artifacts)) {
      const sha = createHash('sha256')
        .update(await bucket.bytes(artifact.key))
        .digest('hex');
      expect(sha, artifact.key).toBe(artifact.sha256);
    }
  }, 240_000);

  it('releases the claim of a close that failed, so the next close runs at once', async () => {
    const { devin, handler, bucket } = harness();
    const claimOf = (slug: string) => `reports/markers/monthly/${slug}.close-claim.json`;
    devin.setFaults({
      script: [{ fault: { kind: 'status', status: 401 }, times: Number.POSITIVE_INFINITY }],
    });
    const failed = await handler({ month: '2026-10', close: true, email: false }).then(
      () => undefined,
      (error: unknown) => error,
    );
    devin.setFaults({});
    expect(failed).toBeInstanceOf(Error);
    expect(await bucket.exists(claimOf('2026-10'))).toBe(false);
    const next = await handler({ month: '2026-10', close: true, email: false });
    expect(next.closed).toBe(true);
    expect(next.duplicateOf).toBeUndefined();
  }, 240_000);

  it('refuses a close before the period and its bill have ended, scheduled or manual, and periods before the API', async () => {
    const { handler, bucket } = harness();
    // A schedule-shaped event for a time to come would close a month that has not ended.
    const ahead = new Date(Date.now() + 40 * 24 * 60 * 60 * 1000);
    const future = {
      source: 'devin-chargeback.schedule',
      kind: 'monthly',
      scheduledTime: ahead.toISOString(),
    };
    await expect(handler(future)).rejects.toThrow(
      /^scheduledTime: ".*" would close .* before its last billing day has ended and settled \(4 h\); it may close from \d{4}-/,
    );
    await expect(handler({ month: '1969-12', close: true })).rejects.toThrow(
      /^month: "1969-12" is before 2024-01-01/,
    );
    const thisMonth = new Date().toISOString().slice(0, 7);
    // A manual close of the month under way: refused (it has not ended) before anything is written.
    await expect(handler({ month: thisMonth, close: true, email: false })).rejects.toThrow(
      /^month: "\d{4}-\d{2}" /,
    );
    expect((await bucket.keys()).filter((key) => key.includes(`${thisMonth}.close`))).toEqual([]);
  }, 120_000);
});
