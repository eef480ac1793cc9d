import { z } from 'zod';

/** A period's close claim as stored: the run that holds it and since when. */
export interface HeldCloseClaim {
  readonly runId: string;
  readonly claimedAt: Date;
}

const claimSchema = z.object({ runId: z.string().min(1), claimedAt: z.iso.datetime() });

/** The claim file's or object's text for `runId`, claimed at `now`. */
export function closeClaimText(runId: string, now: Date): string {
  return `${JSON.stringify({ runId, claimedAt: now.toISOString() })}\n`;
}

/** The claim in `text`, or undefined when it is not a claim (a torn or foreign write). */
export function parseCloseClaim(text: string): HeldCloseClaim | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = claimSchema.safeParse(json);
  return parsed.success
    ? { runId: parsed.data.runId, claimedAt: new Date(parsed.data.claimedAt) }
    : undefined;
}

/**
 * What a close that found another claim on its period does (a first piece of the close's
 * `decide()`): `wait` while the holder is alive, `take-over` a claim older than `staleAfterMs`
 * or unreadable. A take-over is only ever attempted as replace-if-unchanged (S3 `If-Match`, a
 * guarded rename), so of several runs that all judge it dead exactly one takes it.
 */
export function judgeHeldClaim(
  held: HeldCloseClaim | undefined,
  now: Date,
  staleAfterMs: number,
): { readonly kind: 'wait'; readonly runId: string; readonly since: Date } | { readonly kind: 'take-over' } {
  if (held === undefined) return { kind: 'take-over' };
  return now.getTime() - held.claimedAt.getTime() < staleAfterMs
    ? { kind: 'wait', runId: held.runId, since: held.claimedAt }
    : { kind: 'take-over' };
}
