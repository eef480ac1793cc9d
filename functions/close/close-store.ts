import type { HeldCloseClaim } from './close-claim.js';
import type { CloseArtifact, CloseRecord } from './close-record.js';

/** Who holds a period's close while it writes the artifacts. */
export type CloseClaim =
  | { readonly kind: 'claimed' }
  /** The period has its record: it is closed. */
  | { readonly kind: 'closed'; readonly record: CloseRecord }
  /** Another run claimed the close and has not written the record (yet). */
  | { readonly kind: 'in-progress'; readonly runId: string; readonly since: Date | undefined };

/**
 * Where one period's close record lives, in S3 or a folder. Both write the record only if
 * there is none (S3 `If-None-Match: *`, a file opened with `wx`), so two closes make one record.
 */
export interface CloseStore {
  readonly location: CloseRecord['location'];
  /** The record's key or path, for messages and `--json`. */
  readonly recordKey: string;
  readRecord(): Promise<CloseRecord | undefined>;
  /** The claim as stored (undefined when there is none or it is unreadable); never changes it. */
  readClaim(): Promise<HeldCloseClaim | undefined>;
  /**
   * Taken before the close writes any artifact, so two closes never write the period's files
   * at once. The claim is a lease: a close renews it while it works ({@link CLOSE_LEASE_RENEW_MS})
   * and releases it when it ends; one not renewed for {@link STALE_CLOSE_CLAIM_MS} belongs to a
   * close that died and is taken over.
   */
  claim(runId: string, now: Date): Promise<CloseClaim>;
  /** Extends this run's lease (the claim, stamped `now`); false when the claim is no longer its. */
  renew(runId: string, now: Date): Promise<boolean>;
  /** Removes the claim if it is still this run's: a close that failed must not lock the period. */
  release(runId: string): Promise<void>;
  /** SHA-256 and size of an artifact as stored (read back, not as meant to be written). */
  fingerprint(key: string): Promise<CloseArtifact>;
  /** 'written', or the record a concurrent close wrote first (this one is then dropped). */
  writeRecordOnce(record: CloseRecord): Promise<'written' | CloseRecord>;
}

/** A close's lease: a claim not renewed for this long belongs to a close that died. */
export const STALE_CLOSE_CLAIM_MS = 5 * 60 * 1000;
/** How often a working close renews its lease: several renewals fit in one lease. */
export const CLOSE_LEASE_RENEW_MS = 60 * 1000;
