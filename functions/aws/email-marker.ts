import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { describeError, ReportStoreError } from './aws-errors.js';
import { putJsonOnce } from './put-json-once.js';
import { isMissingObject } from './s3-error-kind.js';

/**
 * "Exactly one email per period" without a database: a per-period marker
 * object that only one run can create (S3 conditional write, If-None-Match: *).
 * The run that created it sends the email and then marks it sent; a run that
 * fails before sending deletes it, so Lambda's retry can complete the job.
 */
export interface EmailMarkerRecord {
  readonly runId: string;
  /** The period's slug, e.g. '2026-10'. */
  readonly period: string;
  readonly state: 'sending' | 'sent';
  readonly messageId?: string;
  /** ISO 8601. */
  readonly sentAt?: string;
  /** The handler result of the run that sent the email, returned again on a duplicate. */
  readonly result?: unknown;
}

export type MarkerClaim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'already-sent'; readonly record: EmailMarkerRecord }
  /**
   * Another run holds the marker and has not finished. `since` (when the marker
   * was written) tells a live run from one killed mid-send (e.g. by the Lambda
   * timeout), whose marker stays until someone deletes it or forces a resend.
   */
  | { readonly kind: 'in-progress'; readonly record: EmailMarkerRecord; readonly since: Date | undefined };

/** Who claims the marker: written with state 'sending'. */
export interface MarkerOwner {
  readonly runId: string;
  readonly period: string;
}

/** What the run that sent the email records. */
export interface SentMarker extends MarkerOwner {
  readonly messageId: string;
  readonly sentAt: string;
  readonly result?: unknown;
}

const markerSchema = z.object({
  runId: z.string(),
  period: z.string(),
  state: z.enum(['sending', 'sent']),
  messageId: z.string().optional(),
  sentAt: z.string().optional(),
  result: z.unknown().optional(),
});

/** A claim that loses to a marker deleted in between (or a 409 conflict) tries again, a few times. */
const CLAIM_ATTEMPTS = 4;
const CONFLICT_BACKOFF_MS = 50;

export async function claimEmailMarker(
  s3: S3Client,
  bucket: string,
  key: string,
  owner: MarkerOwner,
): Promise<MarkerClaim> {
  const context = { bucket, key, operation: 'claim-marker' } as const;
  const body = markerBody({ ...owner, state: 'sending' }, context);
  for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
    const lost = await putJsonOnce(s3, bucket, key, body, {
      what: 'the email marker',
      operation: context.operation,
    });
    if (lost === 'written') return { kind: 'claimed' };
    const existing = await readMarker(s3, bucket, key);
    // A 412 on this run's own write: the SDK retried a PUT whose answer was lost, and the marker
    // it reads back is this run's, still 'sending'. It won the claim, so it proceeds to send.
    if (existing && lost === 'exists' && isOwnClaim(existing.record, owner)) return { kind: 'claimed' };
    if (existing) {
      return existing.record.state === 'sent'
        ? { kind: 'already-sent', record: existing.record }
        : { kind: 'in-progress', record: existing.record, since: existing.lastModified };
    }
    if (lost === 'conflict') await sleep(CONFLICT_BACKOFF_MS * attempt);
  }
  throw new ReportStoreError(
    `the email marker kept changing during ${CLAIM_ATTEMPTS} attempts to claim it`,
    context,
  );
}

/** Whether `record` is `owner`'s own claim: its run id and period, still sending. */
export function isOwnClaim(
  record: { readonly runId: string; readonly period: string; readonly state: string },
  owner: MarkerOwner,
): boolean {
  return record.state === 'sending' && record.runId === owner.runId && record.period === owner.period;
}

/**
 * Takes the marker whatever it holds: a person asked to send again ("force").
 * Still written before sending, so a crash mid-send leaves a trace.
 */
export async function overrideEmailMarker(
  s3: S3Client,
  bucket: string,
  key: string,
  owner: MarkerOwner,
): Promise<void> {
  const context = { bucket, key, operation: 'put-object' } as const;
  const body = markerBody({ ...owner, state: 'sending' }, context);
  try {
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }),
    );
  } catch (error) {
    throw new ReportStoreError(`could not write the email marker: ${describeError(error)}`, context, {
      cause: error,
    });
  }
}

/** The period's marker, if any run has claimed or sent its email. */
export async function readEmailMarker(
  s3: S3Client,
  bucket: string,
  key: string,
): Promise<(EmailMarkerRecord & { readonly writtenAt: Date | undefined }) | undefined> {
  const found = await readMarker(s3, bucket, key);
  return found && { ...found.record, writtenAt: found.lastModified };
}

/** Overwrites the marker with state 'sent' and the result a duplicate run returns. */
export async function completeEmailMarker(
  s3: S3Client,
  bucket: string,
  key: string,
  sent: SentMarker,
): Promise<void> {
  const context = { bucket, key, operation: 'put-object' } as const;
  const body = markerBody({ ...sent, state: 'sent' }, context);
  try {
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }),
    );
  } catch (error) {
    throw new ReportStoreError(`could not mark the email as sent: ${describeError(error)}`, context, {
      cause: error,
    });
  }
}

/** Deletes the marker after a failed send, so that a retry sends the email. */
export async function releaseEmailMarker(s3: S3Client, bucket: string, key: string): Promise<void> {
  try {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    throw new ReportStoreError(
      `could not release the email marker; delete it by hand before retrying: ${describeError(error)}`,
      { bucket, key, operation: 'delete-object' },
      { cause: error },
    );
  }
}

async function readMarker(
  s3: S3Client,
  bucket: string,
  key: string,
): Promise<{ record: EmailMarkerRecord; lastModified: Date | undefined } | undefined> {
  const context = { bucket, key, operation: 'get-object' } as const;
  let text: string;
  let lastModified: Date | undefined;
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    text = (await response.Body?.transformToString('utf-8')) ?? '';
    lastModified = response.LastModified;
  } catch (error) {
    if (isMissingObject(error)) return undefined;
    throw new ReportStoreError(`could not read the email marker: ${describeError(error)}`, context, {
      cause: error,
    });
  }
  const parsed = markerSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    throw new ReportStoreError(
      'the email marker is not one this tool wrote; delete it to let the period be emailed',
      context,
    );
  }
  return { record: parsed.data, lastModified };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function markerBody(
  record: EmailMarkerRecord,
  context: { bucket: string; key: string; operation: 'claim-marker' | 'put-object' },
): string {
  try {
    return JSON.stringify(record);
  } catch (error) {
    // A result holding a bigint cannot be stored; failing here keeps the marker honest.
    throw new ReportStoreError(
      `the email marker cannot be written as JSON: ${describeError(error)}`,
      context,
      {
        cause: error,
      },
    );
  }
}
