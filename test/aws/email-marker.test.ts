import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { claimEmailMarker, completeEmailMarker, releaseEmailMarker } from '#aws/email-marker.js';
import { useLocalS3 } from '../support/aws-local-s3.js';
import { closedLoopbackPort } from '../support/aws-loopback.js';

const BUCKET = 'chargeback-reports';

let s3: S3Client;
useLocalS3(BUCKET, (client) => {
  s3 = client;
});

describe('the per-period email marker', () => {
  it('lets one run claim a period, reports the email sent to later runs, and frees the period when released', async () => {
    const key = 'reports/markers/2026-10.json';
    const handlerResult = { period: '2026-10', emailed: true, messageId: 'ses-1' };

    expect(await claimEmailMarker(s3, BUCKET, key, { runId: 'run-1', period: '2026-10' })).toEqual({
      kind: 'claimed',
    });
    const whileSending = await claimEmailMarker(s3, BUCKET, key, { runId: 'run-2', period: '2026-10' });
    expect(whileSending).toMatchObject({
      kind: 'in-progress',
      record: { runId: 'run-1', period: '2026-10', state: 'sending' },
    });
    expect(whileSending.kind === 'in-progress' && whileSending.since).toBeInstanceOf(Date);

    await completeEmailMarker(s3, BUCKET, key, {
      runId: 'run-1',
      period: '2026-10',
      messageId: 'ses-1',
      sentAt: '2026-11-01T06:00:05.000Z',
      result: handlerResult,
    });
    expect(await claimEmailMarker(s3, BUCKET, key, { runId: 'run-3', period: '2026-10' })).toEqual({
      kind: 'already-sent',
      record: {
        runId: 'run-1',
        period: '2026-10',
        state: 'sent',
        messageId: 'ses-1',
        sentAt: '2026-11-01T06:00:05.000Z',
        result: handlerResult,
      },
    });

    await releaseEmailMarker(s3, BUCKET, key);
    expect(await claimEmailMarker(s3, BUCKET, key, { runId: 'run-4', period: '2026-10' })).toEqual({
      kind: 'claimed',
    });
  });

  it('lets exactly one of several simultaneous runs claim the period', async () => {
    const key = 'reports/markers/2026-11.json';
    const claims = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((runId) =>
        claimEmailMarker(s3, BUCKET, key, { runId, period: '2026-11' }),
      ),
    );

    expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.kind === 'in-progress')).toHaveLength(4);
  });

  it('keeps markers of different periods apart', async () => {
    await claimEmailMarker(s3, BUCKET, 'reports/markers/2027-01.json', { runId: 'r', period: '2027-01' });

    expect(
      await claimEmailMarker(s3, BUCKET, 'reports/markers/2027-02.json', { runId: 'r', period: '2027-02' }),
    ).toEqual({ kind: 'claimed' });
  });

  it('releasing a marker that is already gone is not an error', async () => {
    await expect(releaseEmailMarker(s3, BUCKET, 'reports/markers/never.json')).resolves.toBeUndefined();
  });

  it('refuses to guess when the object at the marker key is not a marker', async () => {
    const key = 'reports/markers/garbage.json';
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'not json' }));

    await expect(claimEmailMarker(s3, BUCKET, key, { runId: 'r', period: '2026-12' })).rejects.toMatchObject({
      name: 'ReportStoreError',
      message: expect.stringContaining('delete it'),
    });
  });

  it('fails with a typed error when S3 is down, rather than claiming', async () => {
    const down = new S3Client({ endpoint: `http://127.0.0.1:${await closedLoopbackPort()}` });
    try {
      await expect(
        claimEmailMarker(down, BUCKET, 'reports/markers/2026-10.json', { runId: 'r', period: '2026-10' }),
      ).rejects.toMatchObject({ name: 'ReportStoreError', operation: 'claim-marker' });
      await expect(releaseEmailMarker(down, BUCKET, 'reports/markers/2026-10.json')).rejects.toMatchObject({
        name: 'ReportStoreError',
        operation: 'delete-object',
      });
    } finally {
      down.destroy();
    }
  });

  it('wins its claim when the answer to its own conditional PUT is lost and the retry gets 412', async () => {
    // The first PutObject reaches S3 and writes the marker, then its answer is lost: the SDK's own
    // retry re-sends it and gets 412, the marker being there — this run's.
    let lostOnce = false;
    s3.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'PutObjectCommand' && !lostOnce) {
          lostOnce = true;
          throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
        }
        return result;
      },
      { step: 'finalizeRequest', priority: 'low', name: 'loseFirstPutAnswer' },
    );
    try {
      const key = 'reports/markers/2026-12.json';
      const owner = { runId: 'run-lost-answer', period: '2026-12' };
      expect(await claimEmailMarker(s3, BUCKET, key, owner)).toEqual({ kind: 'claimed' });
      expect(lostOnce).toBe(true);
      // Another run still finds it held.
      expect(
        await claimEmailMarker(s3, BUCKET, key, { runId: 'run-other', period: '2026-12' }),
      ).toMatchObject({
        kind: 'in-progress',
        record: { runId: 'run-lost-answer', state: 'sending' },
      });
    } finally {
      s3.middlewareStack.remove('loseFirstPutAnswer');
    }
  });
  it('wins its claim when every answer to its conditional PUT is lost and the SDK gives up', async () => {
    // Each PutObject reaches S3, then its answer is lost: the SDK retries (meeting its own marker,
    // 412) until it gives up with an error. Reading the marker back shows this run's own claim.
    let lost = 0;
    s3.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'PutObjectCommand') return next(args);
        // Whatever S3 answered (the write, then 412 on the retries), the answer never arrives.
        await next(args).catch(() => undefined);
        lost++;
        throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
      },
      { step: 'finalizeRequest', priority: 'low', name: 'loseEveryPutAnswer' },
    );
    try {
      const key = 'reports/markers/2027-03.json';
      const owner = { runId: 'run-every-answer-lost', period: '2027-03' };
      expect(await claimEmailMarker(s3, BUCKET, key, owner)).toEqual({ kind: 'claimed' });
      expect(lost).toBeGreaterThan(1);
    } finally {
      s3.middlewareStack.remove('loseEveryPutAnswer');
    }
    expect(
      await claimEmailMarker(s3, BUCKET, 'reports/markers/2027-03.json', {
        runId: 'run-other',
        period: '2027-03',
      }),
    ).toMatchObject({ kind: 'in-progress', record: { runId: 'run-every-answer-lost', state: 'sending' } });
  });
});
