import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { describeError, ReportStoreError } from '../aws/aws-errors.js';
import { putJsonOnce } from '../aws/put-json-once.js';
import { getJsonObject } from '../aws/report-object-store.js';
import { isMissingObject } from '../aws/s3-error-kind.js';
import {
  type CloseArtifact,
  type CloseRecord,
  closeRecordText,
  parseCloseRecord,
} from '../core/close/close-record.js';
import { type CloseClaim, type CloseStore, STALE_CLOSE_CLAIM_MS } from './close-store.js';

const claimSchema = z.object({ runId: z.string(), claimedAt: z.iso.datetime() });

/**
 * The close in S3: the record at `recordKey` beside the artifacts, the claim at `claimKey` with
 * the email markers. Both are written with `If-None-Match: *`; a stale claim is overwritten.
 */
export function s3CloseStore(
  s3: S3Client,
  bucket: string,
  keys: { recordKey: string; claimKey: string },
): CloseStore {
  const { recordKey, claimKey } = keys;
  const readRecord = async (): Promise<CloseRecord | undefined> => {
    const json = await getJsonObject(s3, bucket, recordKey);
    return json === undefined ? undefined : parseCloseRecord(json, `s3://${bucket}/${recordKey}`);
  };
  // A lost race of either kind means another close holds the key: read what it wrote.
  const putOnce = async (key: string, body: string, what: string): Promise<'written' | 'exists'> =>
    (await putJsonOnce(s3, bucket, key, body, { what, operation: 'put-object' })) === 'written'
      ? 'written'
      : 'exists';
  return {
    location: { kind: 's3', bucket },
    recordKey,
    readRecord,
    async claim(runId, now) {
      const record = await readRecord();
      if (record) return { kind: 'closed', record };
      const body = `${JSON.stringify({ runId, claimedAt: now.toISOString() })}\n`;
      if ((await putOnce(claimKey, body, 'the close claim')) === 'written') return { kind: 'claimed' };
      const held = claimSchema.safeParse(await getJsonObject(s3, bucket, claimKey));
      const since = held.success ? new Date(held.data.claimedAt) : undefined;
      const again = await readRecord();
      if (again) return { kind: 'closed', record: again };
      if (since !== undefined && now.getTime() - since.getTime() < STALE_CLOSE_CLAIM_MS) {
        return {
          kind: 'in-progress',
          runId: held.success ? held.data.runId : '?',
          since,
        } satisfies CloseClaim;
      }
      // A close that died (or an unreadable claim): this run takes it over.
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: claimKey, Body: body, ContentType: 'application/json' }),
      );
      return { kind: 'claimed' };
    },
    async fingerprint(key): Promise<CloseArtifact> {
      try {
        const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const hash = createHash('sha256');
        let bytes = 0;
        for await (const chunk of response.Body as Readable) {
          hash.update(chunk as Buffer);
          bytes += (chunk as Buffer).length;
        }
        return { key, sha256: hash.digest('hex'), bytes };
      } catch (error) {
        const why = isMissingObject(error) ? 'it is missing' : describeError(error);
        throw new ReportStoreError(
          `could not read the artifact to fingerprint it: ${why}`,
          {
            bucket,
            key,
            operation: 'get-object',
          },
          { cause: error },
        );
      }
    },
    async writeRecordOnce(record) {
      if ((await putOnce(recordKey, closeRecordText(record), 'the close record')) === 'written')
        return 'written';
      const existing = await readRecord();
      if (!existing)
        throw new ReportStoreError('the close record exists but cannot be read', {
          bucket,
          key: recordKey,
          operation: 'get-object',
        });
      return existing;
    },
  };
}
