import { hostname } from 'node:os';
import { processAlive } from '#local/scratch-files.js';
import type { HeldCloseClaim } from './close-claim.js';

/**
 * Whether a claim's holder is known to be gone: a process on this host that no longer runs (a
 * killed CLI), whose claim is dead now, not in minutes. A claim from another host or from Lambda
 * (no process) is judged by its lease alone.
 */
export function claimHolderGone(held: HeldCloseClaim): boolean {
  const owner = held.process;
  return (
    owner !== undefined && owner.host === hostname() && owner.pid !== process.pid && !processAlive(owner.pid)
  );
}
