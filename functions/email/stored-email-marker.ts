import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { putIfAbsentReadBack } from '#store/conditional-write.js';
import type { ObjectStore, StoredVersion } from '#store/object-store.js';

/*
 * "Exactly one email per period" without a database: a per-period marker object that only one run
 * can create (`putIfAbsent`). The run that created it sends the email and then marks it sent; a
 * run that fails before sending deletes it, so a retry can complete the job.
 *
 * A lost answer on the claim (issue 27, finding 5) is resolved by reading the marker back: a
 * conditional write answered 412 or with an error, after which the marker holds this run's own
 * id and period, still 'sending', was this run's write, so it won and goes on to send.
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
   * Another run holds the marker and has not finished. `since` (when the marker was written)
   * tells a live run from one killed mid-send (e.g. by the Lambda timeout), whose marker stays
   * until someone deletes it or forces a resend.
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

/** One period's email marker in a store. */
export interface EmailMarker {
  /** Claims the marker for `owner` (state 'sending'), or says who holds it. */
  claim(owner: MarkerOwner): Promise<MarkerClaim>;
  /** Takes the marker whatever it holds: a person asked to send again ("force"); still written before sending. */
  override(owner: MarkerOwner): Promise<void>;
  /** The marker, if any run has claimed or sent the email. */
  read(): Promise<(EmailMarkerRecord & { readonly writtenAt: Date | undefined }) | undefined>;
  /** Overwrites the marker with state 'sent' and the result a duplicate run returns. */
  complete(sent: SentMarker): Promise<void>;
  /** Deletes the marker after a failed send, so that a retry sends the email. */
  release(): Promise<void>;
}

const markerSchema = z.object({
  runId: z.string(),
  period: z.string(),
  state: z.enum(['sending', 'sent']),
  messageId: z.string().optional(),
  sentAt: z.string().optional(),
  result: z.unknown().optional(),
});

/** A claim that loses to a marker deleted in between tries again, a few times. */
const CLAIM_ATTEMPTS = 4;
const RETRY_BACKOFF_MS = 50;

export function storedEmailMarker(store: ObjectStore, key: string): EmailMarker {
  const parse = (stored: StoredVersion): EmailMarkerRecord => {
    const parsed = markerSchema.safeParse(parseJson(stored.text()));
    if (!parsed.success)
      throw store.failure(
        'the email marker is not one this tool wrote; delete it to let the period be emailed',
        key,
        'get',
      );
    return parsed.data;
  };
  const body = (record: EmailMarkerRecord, operation: 'put' | 'put-if-absent'): string => {
    try {
      return JSON.stringify(record);
    } catch (error) {
      // A result holding a bigint cannot be stored; failing here keeps the marker honest.
      throw store.failure('the email marker cannot be written as JSON', key, operation, error);
    }
  };
  return {
    async claim(owner) {
      const sending = body({ ...owner, state: 'sending' }, 'put-if-absent');
      const isOwn = (stored: StoredVersion) => {
        const record = markerSchema.safeParse(parseJson(stored.text()));
        return record.success && isOwnClaim(record.data, owner);
      };
      for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
        if ((await putIfAbsentReadBack(store, key, sending, { isOwn })) === 'written')
          return { kind: 'claimed' };
        const existing = await store.get(key);
        if (existing !== undefined) {
          const record = parse(existing);
          return record.state === 'sent'
            ? { kind: 'already-sent', record }
            : { kind: 'in-progress', record, since: existing.modifiedAt };
        }
        await sleep(RETRY_BACKOFF_MS * attempt);
      }
      throw store.failure(
        `the email marker kept changing during ${CLAIM_ATTEMPTS} attempts to claim it`,
        key,
        'put-if-absent',
      );
    },
    async override(owner) {
      await store.put(key, body({ ...owner, state: 'sending' }, 'put'), { contentType: 'application/json' });
    },
    async read() {
      const stored = await store.get(key);
      return stored && { ...parse(stored), writtenAt: stored.modifiedAt };
    },
    async complete(sent) {
      await store.put(key, body({ ...sent, state: 'sent' }, 'put'), { contentType: 'application/json' });
    },
    async release() {
      try {
        await store.delete(key);
      } catch (error) {
        throw store.failure(
          'could not release the email marker; delete it by hand before retrying',
          key,
          'delete',
          error,
        );
      }
    },
  };
}

/** Whether `record` is `owner`'s own claim: its run id and period, still sending. */
export function isOwnClaim(
  record: { readonly runId: string; readonly period: string; readonly state: string },
  owner: MarkerOwner,
): boolean {
  return record.state === 'sending' && record.runId === owner.runId && record.period === owner.period;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
