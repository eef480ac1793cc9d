import type { SessionCount } from '../count-sessions-carried-in.js';
import { DevinApiError } from '../devin-api-error.js';
import type { HttpSettings } from '../http-settings.js';
import type { PagingSettings } from '../read-listing.js';
import { unavailableReason } from '../unavailable-reason.js';
import { listSessionsTouching } from './sessions-touching-v3.js';
import type { V3Paths } from './v3-paths.js';

/**
 * Sessions created before `from` and updated inside [from, to). v3 lists them and the client
 * filters each bound exactly, so unlike v2's `total` the count is exact at the edges.
 */
export async function countSessionsCarriedInV3(
  http: HttpSettings,
  paths: V3Paths,
  paging: PagingSettings,
  period: { readonly from: Date; readonly to: Date },
  onWarning: (message: string) => void,
): Promise<SessionCount> {
  if (!(period.from < period.to)) {
    throw new RangeError(
      `period is empty: from ${period.from.toISOString()} is not before to ${period.to.toISOString()}`,
    );
  }
  try {
    const sessions = await listSessionsTouching(
      paths,
      paging,
      { createdFrom: null, createdTo: period.from, updatedFrom: period.from, updatedTo: period.to },
      onWarning,
    );
    return { available: true, count: sessions.length };
  } catch (error) {
    if (!(error instanceof DevinApiError)) throw error;
    onWarning(error.message);
    return { available: false, reason: unavailableReason(error, 'sessions', http.apiKey) };
  }
}
