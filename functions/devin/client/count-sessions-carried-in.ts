import { z } from 'zod';
import { DevinApiError } from './devin-api-error.js';
import { SESSIONS_PATH } from './fetch-sessions.js';
import { getJson } from './get-json.js';
import type { HttpSettings } from './http-settings.js';
import { redact } from './redact.js';
import { unavailableReason } from './unavailable-reason.js';

export type SessionCount =
  | { readonly available: true; readonly count: number }
  | { readonly available: false; readonly reason: string };

const countSchema = z.object({ total: z.int().nonnegative() });

/**
 * How many sessions were created before `from` and updated inside [from, to): ACUs the vendor
 * bills in the period that an earlier report counted. One request for one item, reading `total`.
 *
 * The API does not document whether its date bounds are inclusive. The bounds sent are the
 * period's own, each moved 1 ms inward where an inclusive bound would let a neighbour in, so a
 * session exactly on an edge may be miscounted if the vendor's bounds are exclusive. That is
 * why this count explains a difference and never enters an amount.
 */
export async function countSessionsCarriedIn(
  http: HttpSettings,
  period: { readonly from: Date; readonly to: Date },
  onWarning: (message: string) => void,
): Promise<SessionCount> {
  const from = period.from.getTime();
  const to = period.to.getTime();
  if (!(from < to)) {
    throw new RangeError(
      `period is empty: from ${period.from.toISOString()} is not before to ${period.to.toISOString()}`,
    );
  }
  const params = new URLSearchParams({
    created_date_to: new Date(from - 1).toISOString(),
    updated_date_from: period.from.toISOString(),
    updated_date_to: new Date(to - 1).toISOString(),
    limit: '1',
  });
  let json: unknown;
  try {
    json = await getJson(http, SESSIONS_PATH, params);
  } catch (error) {
    if (!(error instanceof DevinApiError)) throw error;
    onWarning(error.message);
    return { available: false, reason: unavailableReason(error, 'sessions', http.apiKey) };
  }
  const parsed = countSchema.safeParse(json);
  if (!parsed.success) {
    const reason = redact(`malformed response: total ${totalProblem(json)}`, http.apiKey);
    onWarning(`GET ${SESSIONS_PATH}?${params}: ${reason}`);
    return { available: false, reason };
  }
  return { available: true, count: parsed.data.total };
}

function totalProblem(json: unknown): string {
  const total = json !== null && typeof json === 'object' ? (json as { total?: unknown }).total : undefined;
  return total === undefined ? 'missing' : 'is not a whole number ≥ 0';
}
