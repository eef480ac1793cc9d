import { allocateMinorUnits } from '../money/allocate-minor-units.js';
import { costOf } from '../money/cost.js';
import type { ExactCost, Pricing } from '../money/pricing.js';
import type { UserGroup } from './group-sessions.js';

/**
 * Each session's cents, allocated from its user's cents so the Sessions sheet
 * adds up to the By User sheet. Aligned with the sessions grouped.
 *
 * @param sessionAcus for each session, its ACUs
 * @param sessionUser for each session, the ordinal of its user group
 * @param userCostMinor for each user ordinal, the user's allocated cents
 */
export function allocateSessionCosts(
  sessionAcus: BigInt64Array,
  sessionUser: Int32Array,
  users: readonly UserGroup[],
  userCostMinor: readonly bigint[],
  pricing: Pricing,
): BigInt64Array {
  const sessionsOfUser = indexSessionsByUser(sessionUser, users);
  const costMinor = new BigInt64Array(sessionAcus.length);
  for (let u = 0; u < users.length; u++) {
    const start = sessionsOfUser.offsets[u] ?? 0;
    const end = sessionsOfUser.offsets[u + 1] ?? start;
    const parts = new Array<ExactCost>(end - start);
    for (let k = start; k < end; k++) {
      parts[k - start] = costOf(sessionAcus[sessionsOfUser.indices[k] ?? 0] ?? 0n, pricing);
    }
    const allocated = allocateMinorUnits(userCostMinor[u] ?? 0n, parts, pricing);
    for (let k = start; k < end; k++) costMinor[sessionsOfUser.indices[k] ?? 0] = allocated[k - start] ?? 0n;
  }
  return costMinor;
}

/**
 * Session indices grouped by user in two flat arrays (a counting sort):
 * user u's sessions are indices[offsets[u] .. offsets[u + 1]), in input order.
 * Two typed arrays instead of an array per user keep a million sessions cheap.
 */
function indexSessionsByUser(
  sessionUser: Int32Array,
  users: readonly UserGroup[],
): { offsets: Int32Array; indices: Int32Array } {
  const offsets = new Int32Array(users.length + 1);
  for (let u = 0; u < users.length; u++) offsets[u + 1] = (offsets[u] ?? 0) + (users[u]?.sessions ?? 0);
  const next = offsets.slice(0, users.length);
  const indices = new Int32Array(sessionUser.length);
  for (let i = 0; i < sessionUser.length; i++) {
    const u = sessionUser[i] ?? 0;
    const slot = next[u] ?? 0;
    indices[slot] = i;
    next[u] = slot + 1;
  }
  return { offsets, indices };
}
