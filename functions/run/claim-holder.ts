import { hostname } from 'node:os';
import type { HeldCloseClaim } from '#close/close-claim.js';

/**
 * Whether a claim's holder is known to be gone: a process on this host that no longer runs (a
 * killed CLI). A claim from another host or from Lambda (no process) is judged by its lease alone.
 */
export function claimHolderGone(claim: HeldCloseClaim): boolean {
  const owner = claim.process;
  if (owner === undefined || owner.host !== hostname() || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
