import { z } from 'zod';

/** A period's close claim as stored: the run that holds it and since when. */
export interface HeldCloseClaim {
  readonly runId: string;
  readonly claimedAt: Date;
  /** The process that holds it, on a laptop: a claim of a process that is gone is dead at once. */
  readonly process?: ClaimProcess | undefined;
}

export interface ClaimProcess {
  readonly host: string;
  readonly pid: number;
}

const claimSchema = z.object({
  runId: z.string().min(1),
  claimedAt: z.iso.datetime(),
  process: z.object({ host: z.string().min(1), pid: z.number().int().positive() }).optional(),
});

/** The claim file's or object's text for `runId`, claimed at `now` (by `process`, in a folder). */
export function closeClaimText(runId: string, now: Date, process?: ClaimProcess): string {
  return `${JSON.stringify({ runId, claimedAt: now.toISOString(), ...(process && { process }) })}\n`;
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
    ? {
        runId: parsed.data.runId,
        claimedAt: new Date(parsed.data.claimedAt),
        ...(parsed.data.process && { process: parsed.data.process }),
      }
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
  /** Whether the claim's process is known to be gone (a killed CLI on this host): dead at once. */
  holderGone: (held: HeldCloseClaim) => boolean = () => false,
): { readonly kind: 'wait'; readonly runId: string; readonly since: Date } | { readonly kind: 'take-over' } {
  if (held === undefined || holderGone(held)) return { kind: 'take-over' };
  return now.getTime() - held.claimedAt.getTime() < staleAfterMs
    ? { kind: 'wait', runId: held.runId, since: held.claimedAt }
    : { kind: 'take-over' };
}
