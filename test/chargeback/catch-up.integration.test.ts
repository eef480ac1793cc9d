// The daily catch-up and the heartbeat, through the report function against the emulators and
// the fake Devin API: the catch-up closes a month the monthly run left unclosed, is a no-op once
// it is closed, waits (no failure) while another run holds the close, and every scheduled run
// says in its heartbeat metric whether the period's close is overdue.

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_OVERDUE_METRIC } from '#aws/close-overdue-metric.js';
import { useReportFunction } from '../support/report-function-harness.js';

const BUCKET = 'chargeback-catch-up';
const harness = useReportFunction({
  apiKey: 'apk_user_catch_up_secret_value_0123456789',
  bucket: BUCKET,
  seed: 31,
  sessions: 90,
  from: new Date('2026-08-01T00:00:00Z'),
  to: new Date('2026-11-01T00:00:00Z'),
});

const catchUp = (scheduledTime: string) => ({
  source: 'devin-chargeback.schedule',
  kind: 'catch-up',
  scheduledTime,
});

/** The heartbeat lines the handler wrote to stdout (CloudWatch embedded metric format). */
function heartbeats(write: { mock: { calls: unknown[][] } }): number[] {
  return write.mock.calls
    .map((call) => String(call[0]))
    .filter((line) => line.includes(CLOSE_OVERDUE_METRIC.name))
    .map((line) => (JSON.parse(line) as Record<string, number>)[CLOSE_OVERDUE_METRIC.name] as number);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the daily catch-up', () => {
  it('closes the month the monthly run left unclosed, once; later catch-ups send nothing', async () => {
    const { aws, handler, bucket } = harness();
    const write = vi.spyOn(process.stdout, 'write');
    const mailsBefore = (await aws.ses.mails()).length;
    const first = await handler(catchUp('2026-09-02T20:00:00Z'));
    expect('closed' in first && first.closed).toBe(true);
    expect(first.period.label).toBe('August 2026');
    const again = await handler(catchUp('2026-09-03T20:00:00Z'));
    expect('closed' in again && again.closed).toBe(true);
    expect('duplicateOf' in again && again.duplicateOf).toBe(first.runId);
    expect((await aws.ses.mails()).length - mailsBefore).toBe(1);
    expect((await bucket.keys()).filter((key) => key.endsWith('2026-08.close.json'))).toHaveLength(1);
    // Closed: not overdue, on both days.
    expect(heartbeats(write)).toEqual([0, 0]);
  }, 240_000);

  it('waits, without failing, while another run holds the close; the heartbeat says it is overdue', async () => {
    const { aws, handler, bucket } = harness();
    const claim = { runId: 'run-closing-september', claimedAt: new Date().toISOString() };
    await bucket.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'reports/markers/monthly/2026-09.close-claim.json',
        Body: `${JSON.stringify(claim)}\n`,
      }),
    );
    const write = vi.spyOn(process.stdout, 'write');
    const mailsBefore = (await aws.ses.mails()).length;
    const waiting = await handler.outcome(catchUp('2026-10-02T20:00:00Z'));
    expect(waiting).toMatchObject({
      waiting: { reason: 'being-closed', closingRunId: 'run-closing-september' },
      emailed: false,
      period: { label: 'September 2026' },
    });
    // September could close from 1 October 12:00 UTC: long overdue by today's clock.
    expect(heartbeats(write)).toEqual([1]);
    // The monthly run still fails loudly on the same claim: it is the one that must close.
    await expect(
      handler({
        source: 'devin-chargeback.schedule',
        kind: 'monthly',
        scheduledTime: '2026-10-01T14:00:00Z',
      }),
    ).rejects.toThrow(/September 2026 is being closed by run run-closing-september/);
    expect((await aws.ses.mails()).length - mailsBefore).toBe(0);
    expect((await bucket.keys()).filter((key) => key.endsWith('2026-09.close.json'))).toEqual([]);
  }, 240_000);

  it('refuses a kind of schedule event it does not know, naming it', async () => {
    const { handler } = harness();
    await expect(
      handler({ source: 'devin-chargeback.schedule', kind: 'weekly', scheduledTime: '2026-10-02T20:00:00Z' }),
    ).rejects.toThrow(/kind/);
  }, 60_000);
});
