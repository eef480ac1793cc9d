import { toWireInstant } from './iso-instant.js';
import type { FakeDataset } from './wire.js';

/**
 * The data set as the API would have served it at `instant`: sessions created later are not
 * there yet, and a session updated later was still running then, with the part of its ACUs
 * consumed by then (its ACUs spread evenly over its life, to 6 decimals as the API sends them).
 * The demo closes earlier months "as of" their close, so the month it reports next posts the
 * growth since as true-ups, as a real close months apart would.
 */
export function datasetAsOf(data: FakeDataset, instant: Date): FakeDataset {
  const at = instant.getTime();
  return {
    ...data,
    sessions: data.sessions
      .filter((s) => Date.parse(s.created_at) <= at)
      .map((s) => {
        const created = Date.parse(s.created_at);
        const updated = Date.parse(s.updated_at);
        if (updated <= at) return s;
        const share = updated === created ? 1 : (at - created) / (updated - created);
        return {
          ...s,
          status: 'running',
          updated_at: toWireInstant(at),
          acus_consumed: s.acus_consumed === null ? null : Math.round(s.acus_consumed * share * 1e6) / 1e6,
        };
      }),
  };
}
