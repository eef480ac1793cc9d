import type { RetryPolicy } from './retry-decision.js';

/** Everything a single API request needs; built once per client. */
export interface HttpSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly fetch: typeof fetch;
  /** Should reject early when `signal` aborts, so a failed read does not wait out a sibling's backoff. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly now: () => Date;
  /** Told about every retry, for logs; never given the key. */
  readonly onRetry: (message: string) => void;
  /** What a 401/403 means for this API version's keys; v2's wording when absent. */
  readonly refusedKeyHint?: string;
  /** Said on a 401 (the key itself refused, e.g. expired): where to put a new one, e.g. the secret's name. */
  readonly unauthorizedAdvice?: string;
}
