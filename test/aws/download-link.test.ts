import { S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDownloadLink } from '#aws/download-link.js';
import { putReportObject } from '#aws/report-object-store.js';
import { useLocalS3 } from '../support/aws-local-s3.js';
import { EMULATOR_REQUEST_TIMEOUT_MS } from '../support/aws-loopback.js';

const BUCKET = 'chargeback-reports';
const KEY = 'reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx';
const BODY = Buffer.from('the workbook bytes');
const HOUR_MS = 60 * 60 * 1000;
const WEEK_SECONDS = 7 * 24 * 60 * 60;

let s3: S3Client;
useLocalS3(BUCKET, (client) => {
  s3 = client;
});

beforeAll(async () => {
  await putReportObject(s3, {
    bucket: BUCKET,
    key: KEY,
    body: BODY,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: 'devin-acu-chargeback-2026-10.xlsx',
  });
});

/** A client signing with role-session credentials that expire at `expiration`. */
function clientWithSessionCredentials(expiration: Date): S3Client {
  return new S3Client({ credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', expiration } });
}

function download(url: string): Promise<Response> {
  return fetch(url, { signal: AbortSignal.timeout(EMULATOR_REQUEST_TIMEOUT_MS) });
}

describe('createDownloadLink', () => {
  it('gives a link that downloads the report over plain HTTP, under its file name', async () => {
    const link = await createDownloadLink(s3, {
      bucket: BUCKET,
      key: KEY,
      ttlSeconds: 3600,
      now: new Date(),
    });

    const response = await download(link.url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BODY);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="devin-acu-chargeback-2026-10.xlsx"',
    );
    expect(new URL(link.url).searchParams.get('X-Amz-Expires')).toBe('3600');
  });

  it('states the expiry it signed: whole seconds from the signing second', async () => {
    const now = new Date('2026-11-01T06:00:00.750Z');

    const link = await createDownloadLink(s3, { bucket: BUCKET, key: KEY, ttlSeconds: 3600, now });

    expect(link.expiresAt).toEqual(new Date('2026-11-01T07:00:00.000Z'));
    expect(new URL(link.url).searchParams.get('X-Amz-Date')).toBe('20261101T060000Z');
  });

  it('shortens a 7-day link to what credentials expiring in an hour allow, and says so', async () => {
    const now = new Date();
    const signer = clientWithSessionCredentials(new Date(now.getTime() + HOUR_MS));
    try {
      const link = await createDownloadLink(signer, {
        bucket: BUCKET,
        key: KEY,
        ttlSeconds: WEEK_SECONDS,
        now,
      });

      // The hour, less the five minutes' headroom before the credentials expire.
      expect(new URL(link.url).searchParams.get('X-Amz-Expires')).toBe(String(55 * 60));
      expect(link.expiresAt).toEqual(new Date(wholeSecond(now).getTime() + 55 * 60 * 1000));
      expect((await download(link.url)).status).toBe(200);
    } finally {
      signer.destroy();
    }
  });

  it('caps the lifetime at SigV4’s seven days when the credentials do not expire', async () => {
    const now = new Date();

    const link = await createDownloadLink(s3, { bucket: BUCKET, key: KEY, ttlSeconds: 30 * 24 * 3600, now });

    expect(new URL(link.url).searchParams.get('X-Amz-Expires')).toBe(String(WEEK_SECONDS));
    expect((await download(link.url)).status).toBe(200);
  });

  it('refuses to mail a link the credentials would kill within minutes', async () => {
    const now = new Date();
    const signer = clientWithSessionCredentials(new Date(now.getTime() + 2 * 60 * 1000));
    try {
      await expect(
        createDownloadLink(signer, { bucket: BUCKET, key: KEY, ttlSeconds: 3600, now }),
      ).rejects.toMatchObject({ name: 'ReportStoreError', operation: 'sign-link' });
    } finally {
      signer.destroy();
    }
  });
});

function wholeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
