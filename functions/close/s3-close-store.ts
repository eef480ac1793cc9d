import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describeError, ReportStoreError } from '../aws/aws-errors.js';
import { putJsonOnce } from '../aws/put-json-once.js';
import { getJsonObject } from '../aws/report-object-store.js';
import { isMissingObject, s3StatusOf } from '../aws/s3-error-kind.js';
import {
  closeClaimText,
  type HeldCloseClaim,
  judgeHeldClaim,
  parseCloseClaim,
} from '../core/close/close-claim.js';
import {
  type CloseArtifact,
  type CloseRecord,
  closeRecordText,
  parseCloseRecord,
} from '../core/close/close-record.js';
import { type CloseStore, STALE_CLOSE_CLAIM_MS } from './close-store.js';

const CLAIM_ATTEMPTS = 3;

/**
 * The close in S3: the record at `recordKey` beside the artifacts, the claim at `claimKey` with
 * the email markers. Both are written with `If-None-Match: *`; a stale claim is
 * replaced with `If-Match` on the ETag read, so only one run takes it over.
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
  /** The claim as stored with its ETag, or undefined when there is none. */
  const readClaim = async (
    attempt: number,
  ): Promise<{ readonly claim: HeldCloseClaim | undefined; readonly etag: string } | undefined> => {
    try {
      const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: claimKey }));
      const text = response.Body ? await response.Body.transformToString('utf-8') : '';
      if (response.ETag === undefined)
        throw new ReportStoreError('S3 returned the close claim without an ETag', {
          bucket,
          key: claimKey,
          operation: 'get-object',
          attempt,
        });
      return { claim: parseCloseClaim(text), etag: response.ETag };
    } catch (error) {
      if (isMissingObject(error)) return undefined;
      if (error instanceof ReportStoreError) throw error;
      throw new ReportStoreError(
        `could not read the close claim: ${describeError(error)}`,
        { bucket, key: claimKey, operation: 'get-object', attempt },
        { cause: error },
      );
    }
  };
  /** PutObject `If-Match: etag`: true if this run replaced the claim it read, false if it changed. */
  const replaceClaim = async (etag: string, body: string, attempt: number): Promise<boolean> => {
    try {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: claimKey,
          Body: body,
          ContentType: 'application/json',
          IfMatch: etag,
        }),
      );
      return true;
    } catch (error) {
      const status = s3StatusOf(error);
      // 412: another run replaced it first; 404: it was released; 409: a write was in flight.
      if (status === 412 || status === 404 || status === 409) return false;
      throw new ReportStoreError(
        `could not take over the close claim: ${describeError(error)}`,
        { bucket, key: claimKey, operation: 'put-object', attempt },
        { cause: error },
      );
    }
  };
  return {
    location: { kind: 's3', bucket },
    recordKey,
    readRecord,
    async readClaim() {
      return (await readClaim(1))?.claim;
    },
    async claim(runId, now) {
      const record = await readRecord();
      if (record) return { kind: 'closed', record };
      const body = closeClaimText(runId, now);
      // A claim that vanished meanwhile (its close released it) is tried for again, a few times.
      for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
        if ((await putOnce(claimKey, body, 'the close claim')) === 'written') return { kind: 'claimed' };
        const held = await readClaim(attempt);
        const again = await readRecord();
        if (again) return { kind: 'closed', record: again };
        if (held === undefined) continue;
        const verdict = judgeHeldClaim(held.claim, now, STALE_CLOSE_CLAIM_MS);
        if (verdict.kind === 'wait')
          return { kind: 'in-progress', runId: verdict.runId, since: verdict.since };
        // A close that died (or an unreadable claim): replaced only if it is still the one read,
        // so of several runs that all found it dead exactly one takes it over.
        if (await replaceClaim(held.etag, body, attempt)) return { kind: 'claimed' };
        const winner = await readClaim(attempt);
        const closed = await readRecord();
        if (closed) return { kind: 'closed', record: closed };
        if (winner?.claim)
          return { kind: 'in-progress', runId: winner.claim.runId, since: winner.claim.claimedAt };
      }
      throw new ReportStoreError(
        `the close claim kept changing during ${CLAIM_ATTEMPTS} attempts to take it`,
        { bucket, key: claimKey, operation: 'put-object', attempt: CLAIM_ATTEMPTS },
      );
    },
    async renew(runId, now) {
      const held = await readClaim(1);
      if (held?.claim?.runId !== runId) return false;
      return replaceClaim(held.etag, closeClaimText(runId, now), 1);
    },
    async release(runId) {
      const held = await readClaim(1);
      if (held?.claim?.runId !== runId) return;
      try {
        await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: claimKey }));
      } catch (error) {
        throw new ReportStoreError(
          `could not release the close claim: ${describeError(error)}`,
          { bucket, key: claimKey, operation: 'delete-object' },
          { cause: error },
        );
      }
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
