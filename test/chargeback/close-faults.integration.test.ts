// Issue 27, "Tests": closes through the Lambda handler against the emulators while S3 and SES
// misbehave on the wire (a fault proxy in front of each: an answer lost after the call was
// carried out, a 503), and five closes of one month at once. Whatever happens: one close record
// whose SHA-256s are its objects, one finance email for the month, and no email marker left
// at 'sending' once the follow-up run is done.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ANSWER_LOST } from '#aws/ses-mailer.js';
import type { ChargebackResult } from '#chargeback/chargeback-result.js';
import { parseCloseRecord } from '#close/close-record.js';
import { useReportFunction } from '../support/report-function-harness.js';

const API_KEY = 'apk_user_close_faults_secret_value_4821';
const BUCKET = 'chargeback-close-faults';

const harness = useReportFunction({
  apiKey: API_KEY,
  bucket: BUCKET,
  seed: 41,
  sessions: 120,
  from: new Date('2026-03-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
  faults: true,
});

const LABELS: Record<string, string> = {
  '2026-03': 'March 2026',
  '2026-04': 'April 2026',
  '2026-05': 'May 2026',
  '2026-06': 'June 2026',
  '2026-07': 'July 2026',
  '2026-08': 'August 2026',
  '2026-09': 'September 2026',
  '2026-10': 'October 2026',
  '2026-11': 'November 2026',
};
const close = (month: string) => ({ month, close: true });
/** The path (path-style, as the SDK sends it to a loopback endpoint) of the month's objects. */
const markerPath = (month: string) =>
  new RegExp(`^/${BUCKET}/reports/markers/monthly/${month}\\.email\\.json`);
const recordPath = (month: string) =>
  new RegExp(`^/${BUCKET}/reports/monthly/\\d{4}/[^/?]*-${month}\\.close\\.json`);
const conditional = (headers: Record<string, unknown>) => headers['if-none-match'] === '*';

/** Every finance email of the month the SES emulator received. */
async function financeMails(month: string) {
  const label = LABELS[month] ?? month;
  return (await harness().aws.ses.mails()).filter(
    (mail) => mail.destination.to.includes('finance@example.com') && mail.subject.includes(label),
  );
}

/** The month's close records, each checked against its objects; the one there must be. */
async function oneRecord(month: string) {
  const { bucket } = harness();
  const keys = (await bucket.keys()).filter((key) => key.endsWith(`-${month}.close.json`));
  expect(keys, `close records of ${month}`).toHaveLength(1);
  const record = parseCloseRecord(JSON.parse((await bucket.bytes(keys[0] ?? '')).toString('utf8')), 'close');
  for (const artifact of Object.values(record.artifacts)) {
    const sha = createHash('sha256')
      .update(await bucket.bytes(artifact.key))
      .digest('hex');
    expect(sha, artifact.key).toBe(artifact.sha256);
  }
  return record;
}

/** The month's email marker as stored, if any. */
async function marker(month: string): Promise<{ runId: string; state: string } | undefined> {
  const { bucket } = harness();
  const [key] = (await bucket.keys()).filter((k) => markerPath(month).test(`/${BUCKET}/${k}`));
  return key === undefined ? undefined : JSON.parse((await bucket.bytes(key)).toString('utf8'));
}

const settled = (run: Promise<ChargebackResult>) =>
  run.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: String(error) }),
  );

describe('closes under faults, through the handler', () => {
  it('makes one record and one finance email of five closes of one month at once', async () => {
    const { handler } = harness();
    const runs = await Promise.all([1, 2, 3, 4, 5].map(() => settled(handler(close('2026-05')))));
    const record = await oneRecord('2026-05');
    const closers = runs.filter((run) => run.ok && run.value.duplicateOf === undefined);
    expect(closers, JSON.stringify(runs)).toHaveLength(1);
    expect(closers[0]?.ok && closers[0].value.runId).toBe(record.runId);
    for (const run of runs) {
      if (run.ok) {
        if (run.value.duplicateOf !== undefined) expect(run.value.duplicateOf).toBe(record.runId);
      } else {
        // Refused while the closer held the claim, naming it.
        expect(run.error).toMatch(new RegExp(`May 2026 is being closed by run ${record.runId}\\b`));
      }
    }
    expect(await financeMails('2026-05')).toHaveLength(1);
    expect(await marker('2026-05')).toMatchObject({ runId: record.runId, state: 'sent' });
  }, 240_000);

  // Before the engine, a close arriving while the closer was sending found the marker at
  // 'sending' by that live run and failed telling the user to force a resend (a second email).
  it('makes one record and one finance email when closes of the month arrive just as its record is written', async () => {
    const { handler, bucket } = harness();
    const closer = settled(handler(close('2026-03')));
    const deadline = Date.now() + 120_000;
    while (!(await bucket.exists('reports/monthly/2026/devin-acu-chargeback-2026-03.close.json'))) {
      if (Date.now() > deadline) throw new Error('the close wrote no record');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const late = [1, 2, 3].map(() => settled(handler(close('2026-03'))));
    const runs = await Promise.all([closer, ...late]);
    const record = await oneRecord('2026-03');
    expect(await financeMails('2026-03')).toHaveLength(1);
    // The closer finishes its close: nothing another run did makes it fail.
    expect(runs[0], JSON.stringify(runs)).toMatchObject({ ok: true, value: { runId: record.runId } });
    // Each late close answers with the record, or is told which run is closing: never to force.
    for (const run of runs.slice(1)) {
      if (run.ok) expect(run.value.duplicateOf, JSON.stringify(run)).toBe(record.runId);
      else
        expect(run.error, JSON.stringify(runs)).toMatch(
          new RegExp(`March 2026 is being closed by run ${record.runId}\\b`),
        );
    }
    expect(await marker('2026-03')).toMatchObject({ state: 'sent' });
  }, 240_000);

  it('sends finance one email when SES’s answer to the send is lost, and leaves no marker in doubt', async () => {
    const { handler, faults } = harness();
    const lost = faults?.ses.arm({ method: 'POST', body: /Action=SendRawEmail/, fault: 'lose-answer' });
    const first = await settled(handler(close('2026-06')));
    faults?.ses.clear();
    expect(lost?.applied).toBe(1);
    // SES received it: recorded as sent, and the result says the answer was lost.
    expect(first.ok && first.value).toMatchObject({ closed: true, emailed: true, messageId: ANSWER_LOST });
    expect((await marker('2026-06'))?.state).toBe('sent');
    // The schedule's retry, or the runbook's recovery event: the record stands, nothing is sent again.
    const followUp = await settled(handler(close('2026-06')));
    expect(followUp.ok).toBe(true);
    await oneRecord('2026-06');
    expect(await financeMails('2026-06'), JSON.stringify({ first, followUp })).toHaveLength(1);
    expect((await marker('2026-06'))?.state).toBe('sent');
  }, 240_000);

  it('closes and emails once through a 503 on the email marker’s conditional PUT', async () => {
    const { handler, faults } = harness();
    const refused = faults?.s3.arm({
      method: 'PUT',
      path: markerPath('2026-07'),
      headers: conditional,
      fault: { status: 503, code: 'SlowDown' },
    });
    const run = await handler(close('2026-07'));
    faults?.s3.clear();
    expect(refused?.applied).toBe(1);
    expect(run).toMatchObject({ closed: true, emailed: true });
    expect(run.duplicateOf).toBeUndefined();
    expect((await oneRecord('2026-07')).runId).toBe(run.runId);
    expect(await financeMails('2026-07')).toHaveLength(1);
    expect(await marker('2026-07')).toMatchObject({ runId: run.runId, state: 'sent' });
  }, 240_000);

  it('closes and emails once through a 503 on the close record’s PUT', async () => {
    const { handler, faults } = harness();
    const refused = faults?.s3.arm({ method: 'PUT', path: recordPath('2026-08'), fault: { status: 503 } });
    const run = await handler(close('2026-08'));
    faults?.s3.clear();
    expect(refused?.applied).toBe(1);
    expect(run).toMatchObject({ closed: true, emailed: true });
    expect((await oneRecord('2026-08')).runId).toBe(run.runId);
    expect(await financeMails('2026-08')).toHaveLength(1);
    expect(await marker('2026-08')).toMatchObject({ runId: run.runId, state: 'sent' });
  }, 240_000);

  it('recovers a close whose record PUT kept failing (every SDK attempt a 503) with the next run: one record, one email', async () => {
    const { handler, faults, bucket } = harness();
    const refused = faults?.s3.arm({
      method: 'PUT',
      path: recordPath('2026-09'),
      times: Number.POSITIVE_INFINITY,
      fault: { status: 503 },
    });
    const failed = await settled(handler(close('2026-09')));
    faults?.s3.clear();
    expect(failed.ok).toBe(false);
    expect(refused?.applied).toBeGreaterThan(1);
    // Nothing holds the month: no claim, no marker.
    expect((await bucket.keys()).filter((key) => key.includes('2026-09.close'))).toEqual([]);
    expect(await marker('2026-09')).toBeUndefined();
    expect(await financeMails('2026-09')).toHaveLength(0);
    const next = await handler(close('2026-09'));
    expect(next).toMatchObject({ closed: true, emailed: true });
    expect((await oneRecord('2026-09')).runId).toBe(next.runId);
    expect(await financeMails('2026-09')).toHaveLength(1);
  }, 240_000);

  it('wins its own email marker when the answer to its conditional PUT is lost and the SDK’s retry gets 412', async () => {
    const { handler, faults } = harness();
    const lost = faults?.s3.arm({
      method: 'PUT',
      path: markerPath('2026-10'),
      headers: conditional,
      fault: 'lose-answer',
    });
    const run = await handler(close('2026-10'));
    faults?.s3.clear();
    expect(lost?.applied).toBe(1);
    // The SDK sent it again, and the proxy (S3) answered 412: the marker was there, this run's.
    expect(lost?.matched).toBeGreaterThan(1);
    expect(run).toMatchObject({ closed: true, emailed: true });
    expect(await financeMails('2026-10')).toHaveLength(1);
    expect(await marker('2026-10')).toMatchObject({ runId: run.runId, state: 'sent' });
  }, 240_000);

  it('knows its own close record when the answer to its conditional PUT is lost and the SDK’s retry gets 412', async () => {
    const { handler, faults } = harness();
    const lost = faults?.s3.arm({ method: 'PUT', path: recordPath('2026-11'), fault: 'lose-answer' });
    const run = await handler(close('2026-11'));
    faults?.s3.clear();
    expect(lost?.applied).toBe(1);
    expect(lost?.matched).toBeGreaterThan(1);
    expect(run).toMatchObject({ closed: true, emailed: true });
    expect(run.duplicateOf).toBeUndefined();
    expect((await oneRecord('2026-11')).runId).toBe(run.runId);
    expect(await financeMails('2026-11')).toHaveLength(1);
    expect(await marker('2026-11')).toMatchObject({ runId: run.runId, state: 'sent' });
  }, 240_000);
});
