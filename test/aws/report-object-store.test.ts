import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ReportStoreError } from '#aws/aws-errors.js';
import { getJsonObject, putReportObject } from '#aws/report-object-store.js';
import { recordS3Commands } from '../support/aws-command-log.js';
import { useLocalS3 } from '../support/aws-local-s3.js';
import { closedLoopbackPort } from '../support/aws-loopback.js';

const BUCKET = 'chargeback-reports';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;

let s3: S3Client;
useLocalS3(BUCKET, (client) => {
  s3 = client;
});

async function objectBytes(key: string): Promise<Buffer> {
  const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from((await response.Body?.transformToByteArray()) ?? []);
}

async function objectExists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'NotFound') return false;
    throw error;
  }
}

/** Deterministic bytes that differ from part to part, so a reordered or dropped part shows. */
function patternedBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) bytes.writeUInt32BE(i >>> 2, Math.min(i, size - 4));
  return bytes;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('putReportObject', () => {
  it('stores the bytes with content type, download name and metadata, and says where they are', async () => {
    const key = 'reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx';
    const body = Buffer.from('PK\u0003\u0004 not really a workbook, bytes are bytes');

    const stored = await putReportObject(s3, {
      bucket: BUCKET,
      key,
      body,
      contentType: XLSX,
      fileName: 'devin-acu-chargeback-2026-10.xlsx',
      metadata: { period: '2026-10', 'total-acus': '12345.6', 'run-id': 'run-1' },
    });

    expect(stored).toEqual({
      bucket: BUCKET,
      key,
      uri: `s3://${BUCKET}/${key}`,
      consoleUrl: `https://us-east-1.console.aws.amazon.com/s3/object/${BUCKET}?region=us-east-1&bucketType=general&prefix=reports%2Fmonthly%2F2026%2Fdevin-acu-chargeback-2026-10.xlsx`,
    });
    const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(Buffer.from((await response.Body?.transformToByteArray()) ?? [])).toEqual(body);
    expect(response.ContentType).toBe(XLSX);
    expect(response.ContentDisposition).toBe('attachment; filename="devin-acu-chargeback-2026-10.xlsx"');
    expect(response.Metadata).toEqual({ period: '2026-10', 'total-acus': '12345.6', 'run-id': 'run-1' });
  });

  it('keeps a non-ASCII download name intact through S3', async () => {
    const key = 'reports/ad-hoc/x/übersicht.xlsx';
    await putReportObject(s3, {
      bucket: BUCKET,
      key,
      body: 'x',
      contentType: XLSX,
      fileName: 'Übersicht – Oktober.xlsx',
    });

    const response = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(response.ContentDisposition).toBe(
      `attachment; filename="_bersicht _ Oktober.xlsx"; filename*=UTF-8''%C3%9Cbersicht%20%E2%80%93%20Oktober.xlsx`,
    );
  });

  it('stores gzipped JSON with its content encoding', async () => {
    const key = 'reports/monthly/2026/sessions-2026-10.json.gz';
    const sessions = [{ session_id: 'abc', acus_consumed: 25.5 }];
    await putReportObject(s3, {
      bucket: BUCKET,
      key,
      body: gzipSync(JSON.stringify(sessions)),
      contentType: 'application/json',
      contentEncoding: 'gzip',
    });

    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.ContentEncoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(await objectBytes(key)).toString('utf-8'))).toEqual(sessions);
  });

  it('uploads a body larger than 8 MiB in parts and reassembles it exactly', async () => {
    const key = 'reports/monthly/2026/large.xlsx';
    const body = patternedBytes(17 * MiB + 123);
    const commands = recordS3Commands(s3);

    // A stream of odd-sized chunks, as the workbook writer produces.
    const chunks = [body.subarray(0, 1000), body.subarray(1000, 9 * MiB), body.subarray(9 * MiB)];
    await putReportObject(s3, { bucket: BUCKET, key, body: Readable.from(chunks), contentType: XLSX });

    expect(commands.filter((name) => name === 'UploadPartCommand')).toHaveLength(3);
    expect(commands).toContain('CreateMultipartUploadCommand');
    expect(commands).toContain('CompleteMultipartUploadCommand');
    expect(commands).not.toContain('PutObjectCommand');
    expect(sha256(await objectBytes(key))).toBe(sha256(body));
  });

  it('leaves no object when the body fails after a part went up, and keeps the failure as the cause', async () => {
    const key = 'reports/monthly/2026/broken-midway.xlsx';
    const diskGone = new Error('workbook writer failed: disk gone');
    const commands = recordS3Commands(s3);
    async function* brokenWorkbook(): AsyncGenerator<Buffer> {
      yield patternedBytes(9 * MiB);
      throw diskGone;
    }

    const failure = await putReportObject(s3, {
      bucket: BUCKET,
      key,
      body: Readable.from(brokenWorkbook()),
      contentType: XLSX,
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ReportStoreError);
    expect((failure as ReportStoreError).cause).toBe(diskGone);
    expect((failure as ReportStoreError).message).toContain('disk gone');
    expect(commands).toContain('UploadPartCommand');
    expect(commands).toContain('AbortMultipartUploadCommand');
    // s3rver does not implement AbortMultipartUpload (405): this is the path where the abort fails too.
    expect((failure as ReportStoreError).operation).toBe('abort-upload');
    expect(await objectExists(key)).toBe(false);
  });

  it('leaves no object and sends no abort when the body fails before the first part', async () => {
    const key = 'reports/monthly/2026/broken-early.xlsx';
    const commands = recordS3Commands(s3);
    async function* brokenWorkbook(): AsyncGenerator<Buffer> {
      yield Buffer.from('PK');
      throw new Error('no sessions sheet');
    }

    const failure = await putReportObject(s3, {
      bucket: BUCKET,
      key,
      body: Readable.from(brokenWorkbook()),
      contentType: XLSX,
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ReportStoreError);
    expect(failure).toMatchObject({ operation: 'put-object', bucket: BUCKET, key });
    expect(commands).not.toContain('AbortMultipartUploadCommand');
    expect(await objectExists(key)).toBe(false);
  });

  it('refuses metadata S3 would mangle, before sending anything', async () => {
    const key = 'reports/monthly/2026/bad-metadata.xlsx';
    const commands = recordS3Commands(s3);

    await expect(
      putReportObject(s3, {
        bucket: BUCKET,
        key,
        body: 'x',
        contentType: XLSX,
        metadata: { period: 'Okt – 2026' },
      }),
    ).rejects.toThrow(/metadata period must be printable ASCII/);
    expect(commands).toEqual([]);
  });

  it('fails with a typed error naming bucket, key and operation when S3 is down', async () => {
    const down = new S3Client({ endpoint: `http://127.0.0.1:${await closedLoopbackPort()}` });
    try {
      const failure = await putReportObject(down, {
        bucket: BUCKET,
        key: 'reports/x.xlsx',
        body: 'x',
        contentType: XLSX,
      }).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(ReportStoreError);
      expect(failure).toMatchObject({ bucket: BUCKET, key: 'reports/x.xlsx', operation: 'put-object' });
      expect((failure as Error).message).toContain('s3://chargeback-reports/reports/x.xlsx');
      expect((failure as Error).cause).toBeInstanceOf(Error);
    } finally {
      down.destroy();
    }
  });
});

describe('getJsonObject', () => {
  it('reads back JSON an earlier run stored', async () => {
    const summary = { period: '2026-10', totals: { sessions: 3, acus: '12.5' } };
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'summary.json', Body: JSON.stringify(summary) }),
    );

    expect(await getJsonObject(s3, BUCKET, 'summary.json')).toEqual(summary);
  });

  it('returns undefined when there is no such object', async () => {
    expect(await getJsonObject(s3, BUCKET, 'reports/never-written.json')).toBeUndefined();
  });

  it('fails with a typed error when the object is not JSON', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'not-json.json', Body: '{ truncated' }));

    await expect(getJsonObject(s3, BUCKET, 'not-json.json')).rejects.toMatchObject({
      name: 'ReportStoreError',
      operation: 'get-object',
    });
  });

  it('fails with a typed error, not undefined, when the bucket does not exist', async () => {
    await expect(getJsonObject(s3, 'no-such-bucket', 'summary.json')).rejects.toMatchObject({
      name: 'ReportStoreError',
      bucket: 'no-such-bucket',
    });
  });

  it('fails with a typed error when S3 is down', async () => {
    const down = new S3Client({ endpoint: `http://127.0.0.1:${await closedLoopbackPort()}` });
    try {
      await expect(getJsonObject(down, BUCKET, 'summary.json')).rejects.toMatchObject({
        name: 'ReportStoreError',
        operation: 'get-object',
      });
    } finally {
      down.destroy();
    }
  });
});
