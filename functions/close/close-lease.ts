import { CLOSE_LEASE_RENEW_MS, type CloseStore, STALE_CLOSE_CLAIM_MS } from './close-store.js';

/** A claimed close's lease while the run works: renewed on a timer, released by `end()`. */
export interface CloseLease {
  /** Stops renewing and releases the claim if it is still this run's (after a failure too). */
  end(): Promise<void>;
  /**
   * Stops renewing and stamps the claim so that it is dead exactly at `deadline` (the Lambda's
   * timeout): the next run may take over the moment this one is killed, never while it can write.
   */
  expireAt(deadline: Date): Promise<void>;
}

/**
 * Holds `runId`'s claim on the period while the close works: renews it every
 * {@link CLOSE_LEASE_RENEW_MS} so a long close is never judged dead, and `end()` (called in a
 * `finally`) releases it, so a close that failed leaves the period free for the next run at once.
 * A renewal that fails or finds the claim gone is reported to `onLost`; the record is still
 * written at most once.
 */
export function holdCloseLease(
  store: CloseStore,
  runId: string,
  now: () => Date,
  onLost: (why: string) => void,
  renewEveryMs: number = CLOSE_LEASE_RENEW_MS,
): CloseLease {
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(async () => {
      try {
        if (!(await store.renew(runId, now())))
          onLost(`the close claim ${store.recordKey} is no longer run ${runId}'s`);
      } catch (error) {
        onLost(`could not renew the close claim of ${store.recordKey}: ${String(error)}`);
      }
    });
  }, renewEveryMs);
  timer.unref();
  return {
    async end() {
      clearInterval(timer);
      await renewing;
      await store.release(runId);
    },
    async expireAt(deadline) {
      clearInterval(timer);
      await renewing;
      if (!(await store.renew(runId, new Date(deadline.getTime() - STALE_CLOSE_CLAIM_MS))))
        onLost(`the close claim ${store.recordKey} is no longer run ${runId}'s`);
    },
  };
}
