// Issue 27, finding 8: the manual events the runbook, the 401 hint, the 410 page and the email
// give. Recovering from a failed scheduled close takes the one event they all quote; `force`
// and `email:false` on a closed month serve its record (its bytes and figures as closed), never
// a live preview.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { RECOVERY_EVENT } from '#chargeback/manual-event-for.js';
import { parseCloseRecord } from '#close/close-record.js';
import { useReportFunction } from '../support/report-function-harness.js';

const API_KEY = 'apk_user_recovery_events_secret_value_778';
const BUCKET = 'chargeback-recovery-events';
const OCTOBER = 'reports/monthly/2026/devin-acu-chargeback-2026-10';

const harness = useReportFunction({
  apiKey: API_KEY,
  bucket: BUCKET,
  seed: 8,
  sessions: 120,
  from: new Date('2026-09-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
});

describe('the manual events around a closed month', () => {
  it('recovers a failed scheduled close with the event its error names, then serves the record', async () => {
    const { aws, devin, handler, bucket } = harness();
    devin.setFaults({
      script: [{ fault: { kind: 'status', status: 401 }, times: Number.POSITIVE_INFINITY }],
    });
    const failed = await handler({
      source: 'devin-chargeback.schedule',
      kind: 'monthly',
      scheduledTime: '2026-11-02T14:00:00Z',
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    devin.setFaults({});
    expect(String(failed)).toContain(RECOVERY_EVENT);
    expect(RECOVERY_EVENT).toBe('{"month":"YYYY-MM","close":true}');

    const mailsBefore = (await aws.ses.mails()).length;
    const recovered = await handler(JSON.parse(RECOVERY_EVENT.replace('YYYY-MM', '2026-10')));
    expect(recovered).toMatchObject({ closed: true, emailed: true });
    expect(recovered.duplicateOf).toBeUndefined();
    expect((await aws.ses.mails()).length - mailsBefore).toBe(1);
    const record = parseCloseRecord(
      JSON.parse((await bucket.bytes(`${OCTOBER}.close.json`)).toString('utf8')),
      'close',
    );
    const workbook = await bucket.bytes(record.artifacts.workbook.key);
    const keysAfterClose = await bucket.keys();

    // The 410 page's fresh-link event: the closed workbook's link, the record's figures.
    const freshLink = await handler({ month: '2026-10', email: false });
    expect(freshLink).toMatchObject({
      closed: true,
      duplicateOf: record.runId,
      emailed: true,
      totals: { sessions: record.totals.sessions, acus: record.totals.acus, cost: record.totals.cost },
    });
    expect(freshLink.s3.key).toBe(record.artifacts.workbook.key);
    const served = Buffer.from(await (await fetch(freshLink.downloadUrl)).arrayBuffer());
    expect(Buffer.compare(served, workbook)).toBe(0);

    // The resend event: the record's email again, from its figures; nothing rebuilt.
    const resent = await handler({ month: '2026-10', force: true });
    expect(resent).toMatchObject({ closed: true, duplicateOf: record.runId, emailed: true });
    const mail = (await aws.ses.mails()).find((m) => m.messageId === resent.messageId);
    expect(mail?.subject).toContain('(closed)');
    expect(mail?.subject).toContain(record.totals.acus);
    expect(mail?.subject).not.toContain('[Preliminary]');
    expect((await bucket.keys()).filter((key) => key.includes('.preview.'))).toEqual([]);
    expect((await bucket.keys()).filter((key) => !keysAfterClose.includes(key))).toEqual([]);
  }, 240_000);

  it('says so when a crash left the email marker at sending, and the force event it quotes settles it', async () => {
    const { aws, handler, bucket } = harness();
    const closed = await handler({ month: '2026-09', close: true });
    expect(closed).toMatchObject({ closed: true, emailed: true });
    // A run killed between claiming the marker and marking it sent: the email may have left.
    const marker = 'reports/markers/monthly/2026-09.email.json';
    await bucket.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: marker,
        Body: JSON.stringify({ runId: 'run-killed-mid-send', period: '2026-09', state: 'sending' }),
      }),
    );
    const mailsBefore = (await aws.ses.mails()).length;
    const refused = await handler({ month: '2026-09', close: true }).then(
      () => undefined,
      (error: unknown) => String(error),
    );
    expect(refused).toMatch(/the email for 2026-09 has been marked 'sending' by run run-killed-mid-send/);
    const quoted = refused?.match(/invoke with (\{[^}]*\})/)?.[1];
    expect(quoted).toBe('{"month":"2026-09","force":true}');
    expect((await aws.ses.mails()).length).toBe(mailsBefore);

    const settled = await handler(JSON.parse(quoted ?? '{}'));
    expect(settled).toMatchObject({ closed: true, emailed: true });
    expect((await aws.ses.mails()).length - mailsBefore).toBe(1);
    expect(JSON.parse((await bucket.bytes(marker)).toString('utf8'))).toMatchObject({ state: 'sent' });
    // Settled: the schedule's retry neither refuses nor sends again.
    await expect(handler({ month: '2026-09', close: true })).resolves.toMatchObject({ closed: true });
    expect((await aws.ses.mails()).length - mailsBefore).toBe(1);
  }, 240_000);
});
