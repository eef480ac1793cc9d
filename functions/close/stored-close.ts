import { hostname } from 'node:os';
import { putIfAbsentReadBack, replaceIfUnchangedReadBack } from '#store/conditional-write.js';
import type { ObjectStore, StoredVersion } from '#store/object-store.js';
import { claimHolderGone } from './claim-holder.js';
import {
  type ClaimProcess,
  closeClaimText,
  type HeldCloseClaim,
  judgeHeldClaim,
  parseCloseClaim,
} from './close-claim.js';
import {
  type CloseArtifact,
  type CloseRecord,
  closeRecordText,
  parseCloseRecordText,
} from './close-record.js';
import { type CloseClaim, type CloseStore, STALE_CLOSE_CLAIM_MS } from './close-store.js';

/** Rounds of create-or-take-over before a claim that keeps changing is reported. */
const CLAIM_ATTEMPTS = 3;

/** Where a period's close lives in its store: the record beside the artifacts, the claim apart. */
export interface StoredCloseKeys {
  /** `…/devin-acu-chargeback-<slug>.close.json` (docs/close.md). */
  readonly recordKey: string;
  /** S3: `<prefix>markers/<kind>/<slug>.close-claim.json`; a folder: `.devin-acu-chargeback-<slug>.close.claim`. */
  readonly claimKey: string;
}

export interface StoredCloseOptions {
  /** What the record's `location` says: the bucket, or `{ kind: 'file' }` for an output folder. */
  readonly location: CloseRecord['location'];
  /**
   * The store key of an artifact as the delivery names it (a folder's delivery names absolute
   * paths; the record keeps them relative to the folder). The name itself by default.
   */
  readonly artifactKey?: ((file: string) => string) | undefined;
  /**
   * On a laptop: the claim names this host and process, and a claim of a process of this host
   * that has exited (a killed CLI) is dead at once, not after the lease.
   */
  readonly claimsNameTheProcess?: boolean | undefined;
}

/** A claim another run cannot tell from the claims around it: every round found a new holder. */
export class CloseClaimContendedError extends Error {
  override readonly name = 'CloseClaimContendedError';
  constructor(
    readonly where: string,
    readonly attempts: number,
  ) {
    super(`the close claim ${where} kept changing during ${attempts} attempts to take it`);
  }
}

/**
 * The close over the store port, for S3 and a folder alike. The claim is created with
 * `putIfAbsent`; a dead one (not renewed for {@link STALE_CLOSE_CLAIM_MS}, unreadable, or its
 * process gone) is taken over only with `replaceIfUnchanged` on the version read, so of N runs
 * that all find it dead exactly one closes. The record is written with `putIfAbsent`, so two
 * closes make one record. Lost answers are read back (conditional-write.ts): the claim and the
 * record name their run, so this run's own bytes there mean it won.
 */
export function storedClose(
  store: ObjectStore,
  keys: StoredCloseKeys,
  options: StoredCloseOptions,
): CloseStore {
  const { recordKey, claimKey } = keys;
  const artifactKey = options.artifactKey ?? ((file: string) => file);
  const stamp = options.claimsNameTheProcess ? thisProcess() : undefined;
  const holderGone = options.claimsNameTheProcess ? claimHolderGone : () => false;
  const readRecord = async (): Promise<CloseRecord | undefined> => {
    const stored = await store.get(recordKey);
    return stored === undefined ? undefined : parseCloseRecordText(stored.text(), store.location(recordKey));
  };
  const claimOf = (stored: StoredVersion | undefined): HeldCloseClaim | undefined =>
    stored === undefined ? undefined : parseCloseClaim(stored.text());
  const inProgress = (held: HeldCloseClaim): CloseClaim => ({
    kind: 'in-progress',
    runId: held.runId,
    since: held.claimedAt,
  });
  return {
    location: options.location,
    // The bare key in a bucket (as `--json` and the handler result have always shown it), the path in a folder.
    recordKey: store.kind === 'folder' ? store.location(recordKey) : recordKey,
    readRecord,
    async readClaim() {
      return claimOf(await store.get(claimKey));
    },
    async claim(runId, now) {
      const record = await readRecord();
      if (record) return { kind: 'closed', record };
      const body = closeClaimText(runId, now, stamp);
      // A claim that vanished meanwhile (its close released it) is tried for again, a few times.
      for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
        if ((await putIfAbsentReadBack(store, claimKey, body)) === 'written') return { kind: 'claimed' };
        const held = await store.get(claimKey);
        const again = await readRecord();
        if (again) return { kind: 'closed', record: again };
        if (held === undefined) continue;
        const verdict = judgeHeldClaim(claimOf(held), now, STALE_CLOSE_CLAIM_MS, holderGone);
        if (verdict.kind === 'wait')
          return { kind: 'in-progress', runId: verdict.runId, since: verdict.since };
        // A close that died (or an unreadable claim): replaced only if it is still the one read.
        if (await replaceIfUnchangedReadBack(store, claimKey, body, held.version)) return { kind: 'claimed' };
        const winner = claimOf(await store.get(claimKey));
        const closed = await readRecord();
        if (closed) return { kind: 'closed', record: closed };
        if (winner) return inProgress(winner);
      }
      throw new CloseClaimContendedError(store.location(claimKey), CLAIM_ATTEMPTS);
    },
    async renew(runId, now) {
      const held = await store.get(claimKey);
      if (held === undefined || claimOf(held)?.runId !== runId) return false;
      return replaceIfUnchangedReadBack(store, claimKey, closeClaimText(runId, now, stamp), held.version);
    },
    async release(runId) {
      if (claimOf(await store.get(claimKey))?.runId === runId) await store.delete(claimKey);
    },
    async fingerprint(file): Promise<CloseArtifact> {
      const key = artifactKey(file);
      return { key, ...(await store.fingerprint(key)) };
    },
    async writeRecordOnce(record) {
      if ((await putIfAbsentReadBack(store, recordKey, closeRecordText(record))) === 'written')
        return 'written';
      const existing = await readRecord();
      if (!existing) throw new Error(`${store.location(recordKey)} exists but holds no close record`);
      return existing;
    },
  };
}

function thisProcess(): ClaimProcess {
  return { host: hostname(), pid: process.pid };
}
