import { DevinApiError } from './devin-api-error.js';
import type { HttpSettings } from './http-settings.js';
import { bodyExcerpt } from './redact.js';
import { parseRetryAfter } from './retry-after.js';
import { type AttemptOutcome, retryDecision } from './retry-decision.js';

/** Names the client to the vendor (and lets a test tell the client's requests from its own probes). */
export const USER_AGENT = 'devin-chargeback';

type AttemptResult =
  | { readonly ok: true; readonly json: unknown }
  | {
      readonly ok: false;
      readonly outcome: AttemptOutcome;
      readonly status: number | null;
      readonly reason: string;
      readonly excerpt: string | null;
      readonly cause?: unknown;
    };

/**
 * GETs a JSON document, retrying transient failures as `retryDecision` says, and throws a
 * DevinApiError once it gives up. Aborting `signal` (a sibling page failed) stops at once with
 * the signal's reason.
 */
export async function getJson(
  http: HttpSettings,
  path: string,
  params: URLSearchParams,
  signal?: AbortSignal,
): Promise<unknown> {
  const query = params.toString();
  const target = query === '' ? path : `${path}?${query}`;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    const result = await attemptOnce(http, target, signal);
    if (result.ok) return result.json;
    const decision = retryDecision(result.outcome, attempt, http.retry, http.random);
    if (!decision.retry) {
      throw new DevinApiError(
        {
          status: result.status,
          method: 'GET',
          path: target,
          attempt,
          bodyExcerpt: result.excerpt,
          reason: result.reason,
        },
        { cause: result.cause },
      );
    }
    http.onRetry(
      `GET ${target}: ${result.reason}; retry ${attempt} of ${http.retry.maxAttempts - 1} in ${decision.delayMs} ms`,
    );
    await http.sleep(decision.delayMs, signal);
  }
}

async function attemptOnce(
  http: HttpSettings,
  target: string,
  signal: AbortSignal | undefined,
): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(http.timeoutMs);
  try {
    const response = await http.fetch(`${http.baseUrl}${target}`, {
      method: 'GET',
      headers: {
        authorization: `Bearer ${http.apiKey}`,
        accept: 'application/json',
        'user-agent': USER_AGENT,
      },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    // Read the body under the same deadline: a server can hang after sending headers.
    const body = await response.text();
    if (!response.ok) return statusFailure(http, response, body);
    try {
      return { ok: true, json: JSON.parse(body) };
    } catch (cause) {
      return {
        ok: false,
        outcome: { kind: 'malformed-body' },
        status: response.status,
        reason: `HTTP ${response.status} with a body that is not JSON`,
        excerpt: bodyExcerpt(body, http.apiKey),
        cause,
      };
    }
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) {
      return {
        ok: false,
        outcome: { kind: 'timeout' },
        status: null,
        reason: `no answer within ${http.timeoutMs} ms`,
        excerpt: null,
        cause,
      };
    }
    return {
      ok: false,
      outcome: { kind: 'network' },
      status: null,
      reason: `network error (${describe(cause)})`,
      excerpt: null,
      cause,
    };
  }
}

function statusFailure(http: HttpSettings, response: Response, body: string): AttemptResult {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), http.now());
  return {
    ok: false,
    outcome: { kind: 'status', status: response.status, retryAfterMs },
    status: response.status,
    reason: `HTTP ${response.status}${hintFor(response.status, http.refusedKeyHint)}${
      response.status === 401 && http.unauthorizedAdvice ? `; ${http.unauthorizedAdvice}` : ''
    }`,
    excerpt: bodyExcerpt(body, http.apiKey),
  };
}

function hintFor(status: number, refusedKeyHint: string | undefined): string {
  if (status === 401 || status === 403) {
    return ` (${refusedKeyHint ?? 'the key was refused: the enterprise endpoints need an enterprise service user’s cog_… key with read permissions (v3), or an Enterprise Admin’s personal apk_user_… key (v2, deprecated)'})`;
  }
  return '';
}

// undici reports "fetch failed" and keeps the useful part (ECONNRESET, "other side closed") in `cause`.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${inner}`;
}
