const DEVIN_PREFIX = 'devin-';

/**
 * A session id as the per-session paths want it: the vendor writes it with its `devin-` prefix
 * (devin-api-v3.md §2, [R21][R30b]). The listing's own id is sent as it came, prefixed if it was not.
 */
export function devinSessionId(sessionId: string): string {
  return sessionId.startsWith(DEVIN_PREFIX) ? sessionId : `${DEVIN_PREFIX}${sessionId}`;
}
