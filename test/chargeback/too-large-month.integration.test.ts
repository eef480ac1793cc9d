// Issue 31: distributedRuns is off by default. A month the plan says is too big for one invocation
// must fail before fetching, naming its session count, the limit and the setting to turn on.

import { describe, expect, it } from 'vitest';
import type { TooLargeForOneInvocationError } from '#core/scale/too-large-for-one-invocation-error.js';
import { useReportFunction } from '../support/report-function-harness.js';
import { loadReportHandler, reportFunctionEnv } from '../support/report-handler.js';

const BUCKET = 'chargeback-too-large';
const harness = useReportFunction({
  apiKey: 'apk_user_too_large_secret_value_1234567890',
  bucket: BUCKET,
  seed: 41,
  sessions: 150,
  from: new Date('2026-10-01T00:00:00Z'),
  to: new Date('2026-11-01T00:00:00Z'),
});

describe('a month too big for one invocation without the distributed run', () => {
  it('fails before fetching, saying to turn on distributedRuns with the count and the limit', async () => {
    const { aws, devin, bucket } = harness();
    // The stack without a state machine, with a measured capacity below the month's sessions.
    const handler = await loadReportHandler({
      ...reportFunctionEnv(aws, { bucket: BUCKET, devinUrl: devin.url }),
      SESSIONS_PER_INVOCATION: '100',
    });
    const mailsBefore = (await aws.ses.mails()).length;
    devin.requests.length = 0;

    const failure = await handler({ month: '2026-10' }).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(Error);
    const error = failure as TooLargeForOneInvocationError;
    expect(error.name).toBe('TooLargeForOneInvocationError');
    expect(error.expectedSessions).toBeGreaterThan(100);
    expect(error.capacity).toBe(100);
    expect(error.message).toContain(`about ${error.expectedSessions} sessions`);
    expect(error.message).toContain('100 sessions, the limit SESSIONS_PER_INVOCATION sets');
    expect(error.message).toContain('distributedRuns=true');
    // Only the count was asked: no session listing was read, nothing stored or mailed.
    const sessionReads = devin.requests.filter((r) => r.path.includes('sessions'));
    expect(sessionReads.length).toBeGreaterThan(0);
    expect(sessionReads.map((r) => r.query.limit)).toEqual(sessionReads.map(() => ['1']));
    expect(await bucket.keys()).toEqual([]);
    expect((await aws.ses.mails()).length).toBe(mailsBefore);
  }, 120_000);

  it('runs as one invocation when the month fits', async () => {
    const { aws, devin } = harness();
    const handler = await loadReportHandler({
      ...reportFunctionEnv(aws, { bucket: BUCKET, devinUrl: devin.url }),
      SESSIONS_PER_INVOCATION: '100000',
    });
    const result = await handler({ month: '2026-10' });
    expect(result.emailed).toBe(true);
  }, 120_000);
});
