import { describe, expect, it } from 'vitest';
import { closeClaimText, judgeHeldClaim, parseCloseClaim } from '#close/close-claim.js';

const NOW = new Date('2026-12-06T10:00:00Z');
const MINUTE = 60_000;

describe('judging a close claim another run holds', () => {
  it('waits for a live holder and names it', () => {
    const held = parseCloseClaim(closeClaimText('run-a', new Date(NOW.getTime() - 4 * MINUTE)));
    expect(judgeHeldClaim(held, NOW, 5 * MINUTE)).toEqual({
      kind: 'wait',
      runId: 'run-a',
      since: new Date(NOW.getTime() - 4 * MINUTE),
    });
  });
  it('takes over a claim as old as the limit, or one that is not a claim', () => {
    const held = parseCloseClaim(closeClaimText('run-a', new Date(NOW.getTime() - 5 * MINUTE)));
    expect(judgeHeldClaim(held, NOW, 5 * MINUTE)).toEqual({ kind: 'take-over' });
    expect(parseCloseClaim('{"runId":')).toBeUndefined();
    expect(parseCloseClaim('{"runId":"","claimedAt":"2026-12-06T10:00:00Z"}')).toBeUndefined();
    expect(judgeHeldClaim(undefined, NOW, 5 * MINUTE)).toEqual({ kind: 'take-over' });
  });
});
