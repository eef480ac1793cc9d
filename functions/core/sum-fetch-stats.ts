import type { FetchStats } from './session.js';

/** The stats of a period read in windows: counts add up; one re-read window means the period had one. */
export function sumFetchStats(parts: readonly FetchStats[]): FetchStats {
  const sum = (pick: (stats: FetchStats) => number): number => parts.reduce((total, s) => total + pick(s), 0);
  return {
    pages: sum((s) => s.pages),
    reportedTotal: sum((s) => s.reportedTotal),
    itemsReceived: sum((s) => s.itemsReceived),
    duplicatesDropped: sum((s) => s.duplicatesDropped),
    outsidePeriodDropped: sum((s) => s.outsidePeriodDropped),
    nullAcus: sum((s) => s.nullAcus),
    reread: parts.some((s) => s.reread),
  };
}
