import type { DevinApiError } from './devin-api-error.js';
import { redact } from './redact.js';

/**
 * Why an optional figure (billed consumption, a session count) is missing, in words a finance
 * reader can act on or forward. Built from the status and attempt count only, never from the
 * response body, and redacted once more in case a caller's wording ever quotes one.
 */
export function unavailableReason(error: DevinApiError, what: string, apiKey: string): string {
  return redact(describeFailure(error, what), apiKey);
}

function describeFailure(error: DevinApiError, what: string): string {
  const { status, attempt } = error;
  if (status === null) return `the Devin API could not be reached (no answer after ${attempts(attempt)})`;
  if (status >= 200 && status < 300) return 'malformed response: the body is not JSON';
  if (status === 401) return 'the Devin API key was refused (401)';
  if (status === 403) {
    const needs = error.permission ? `; the vendor names the permission ${error.permission}` : '';
    return `the API key may not read ${what} (403${needs})`;
  }
  if (status === 404) return `the ${what} endpoint does not exist on this host (404)`;
  if (status === 429) return `rate limited after ${attempts(attempt)} (429)`;
  if (status >= 500) return `the Devin API kept failing (HTTP ${status} after ${attempts(attempt)})`;
  return `the Devin API rejected the request (HTTP ${status})`;
}

function attempts(count: number): string {
  return count === 1 ? '1 attempt' : `${count} attempts`;
}
