import type { FetchStats } from '#core/session.js';
import type { SessionList } from '#core/session-list.js';
import { sumFetchStats } from '#core/sum-fetch-stats.js';
import type { ExactListing } from './exact-listing.js';

export interface FetchedSessions {
  /** Every session created in [from, to), once each, oldest first. */
  readonly sessions: SessionList;
  readonly stats: FetchStats;
  /** Facts about the data worth showing beside the report (null ACUs, duplicates, a re-read). */
  readonly warnings: string[];
}

/** A fetch's warnings: kept for the report, and passed on as they happen for the logs. */
export interface FetchWarnings {
  readonly warnings: string[];
  readonly warn: (message: string) => void;
}

export function fetchWarnings(onWarning: (message: string) => void): FetchWarnings {
  const warnings: string[] = [];
  return {
    warnings,
    warn: (message) => {
      warnings.push(message);
      onWarning(message);
    },
  };
}

/**
 * The fetch's result from the listings it read (v2: one; v3: one per time window), whose
 * kept sessions, in order, are `sessions`. Counts add up across listings, so the report's
 * fetch figures mean the same whichever API answered.
 */
export function fetchedSessionsOf(
  sessions: SessionList,
  listings: readonly ExactListing<SessionList>[],
  { warnings, warn }: FetchWarnings,
): FetchedSessions {
  let nullAcus = 0;
  for (const session of sessions) if (!session.acusReported) nullAcus += 1;
  warnNullAcus(nullAcus, warn);
  const stats = sumFetchStats(listings.map(listingStats));
  return {
    sessions,
    stats: { ...stats, nullAcus },
    warnings,
  };
}

/** One listing's read as fetch figures; null ACUs are counted over the sessions kept, once. */
function listingStats(listing: ExactListing<SessionList>): FetchStats {
  return {
    pages: listing.pages,
    reportedTotal: listing.reportedTotal,
    itemsReceived: listing.itemsReceived,
    duplicatesDropped: listing.duplicatesDropped,
    outsidePeriodDropped: listing.outsideDropped,
    nullAcus: 0,
    reread: listing.reread,
  };
}

/** Said once per fetch, counted over the sessions kept. */
function warnNullAcus(nullAcus: number, warn: (message: string) => void): void {
  if (nullAcus === 0) return;
  warn(
    nullAcus === 1
      ? '1 session has no ACU figure (acus_consumed null) and counts as 0 ACUs'
      : `${nullAcus} sessions have no ACU figure (acus_consumed null) and count as 0 ACUs`,
  );
}
