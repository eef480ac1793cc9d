import type { IncomingRequest } from '#devin/fake/exchange.js';
import type { WireSession } from '#devin/fake/wire.js';

/**
 * Ways the fake misbehaves, to test the client's retries and checks:
 * - status: answer `status` at once (429, 500, 503, 401...), with `Retry-After`
 *   when `retryAfter` is set (seconds or an HTTP date) and `body` verbatim when
 *   set (e.g. a 200 with a drifted schema), else `{"detail": <reason>}`.
 * - delay: wait `ms`, then answer normally.
 * - hang: never answer; `close()` destroys the socket.
 * - malformed-json: 200 with the normal body cut in half.
 * - reset: destroy the connection (the client sees a network error).
 * - mutate-page: answer normally but pass the page's items (a deep copy)
 *   through `mutate` first; `total`, `has_more` and `next_cursor` still describe
 *   the unmutated page, as a server whose rows changed under it would.
 *   Only ever applies to the sessions endpoint (v2, or v3 under either prefix).
 * - repeat-page: answer a listing with its first page whatever `skip` or `after` asked for, under
 *   a fresh cursor that moves on and always says there is more (v2 `next_cursor` = skip + items,
 *   v3 a new `end_cursor`): a server stuck on page one, which would otherwise be read forever.
 *   Like mutate-page, applies only to the sessions endpoint unless the rule names a path.
 */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly body?: string }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'hang' }
  | { readonly kind: 'malformed-json' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'mutate-page'; readonly mutate: (items: WireSession[]) => WireSession[] }
  | { readonly kind: 'repeat-page' };

/** One scripted fault: applies to the next `times` requests (default 1) that match `path` and `when`. */
export interface FaultRule {
  readonly fault: Fault;
  /** Exact path, e.g. '/v2/enterprise/sessions'; any path when absent. */
  readonly path?: string;
  readonly when?: (request: IncomingRequest) => boolean;
  /** How many requests this rule answers; `Infinity` for every matching one. */
  readonly times?: number;
}

/** Faults at random: each matching request gets one of `faults` with `probability`, reproducibly from `seed`. */
export interface FaultRate {
  readonly probability: number;
  readonly faults: readonly Fault[];
  readonly seed: number;
  readonly path?: string;
}

/**
 * How a fake server misbehaves. For each request, the first rule of `script`
 * that matches and has uses left applies; when none does, `rate` may apply.
 *
 * @example
 * // Two 429s on the second page, then normal answers:
 * { script: [{ fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 2,
 *              when: (r) => r.query.skip?.[0] === '200' }] }
 */
export interface FaultPlan {
  readonly script?: readonly FaultRule[];
  readonly rate?: FaultRate;
}
