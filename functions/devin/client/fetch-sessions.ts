import type { FetchStats, Session } from '../../core/session.js';
import { type SessionList, sessionListOf } from '../../core/session-list.js';
import { readExactListing } from './exact-listing.js';
import { getJson } from './get-json.js';
import type { HttpSettings } from './http-settings.js';
import { pageParams } from './page-params.js';
import { type PagingSettings, readListing } from './read-listing.js';
import { sessionListParams } from './session-list-params.js';
import { isInPeriod, type SessionQuery } from './session-query.js';
import { parsePage } from './wire-page.js';
import { sessionFromWire } from './wire-session.js';

export const SESSIONS_PATH = '/v2/enterprise/sessions';

export interface FetchProgress {
  readonly pagesDone: number;
  /** Grows when the listing turns out longer than the first page said, or is read again. */
  readonly pagesTotal: number;
}

export interface FetchedSessions {
  /** Every session created in [from, to), once each, oldest first. */
  readonly sessions: SessionList;
  readonly stats: FetchStats;
  /** Facts about the data worth showing beside the report (null ACUs, duplicates, a re-read). */
  readonly warnings: string[];
}

export async function fetchSessions(
  http: HttpSettings,
  paging: PagingSettings,
  query: SessionQuery,
  onProgress: (progress: FetchProgress) => void,
  onWarning: (message: string) => void,
): Promise<FetchedSessions> {
  const params = sessionListParams(query);
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    onWarning(message);
  };

  let pagesBefore = 0;
  const listing = await readExactListing<Session>({
    resource: 'sessions',
    read: async () => {
      const read = await readListing(
        (skip, signal) =>
          getJson(http, SESSIONS_PATH, pageParams(params, skip), signal).then((json) =>
            parsePage(json, skip, 'session', sessionFromWire),
          ),
        {
          path: SESSIONS_PATH,
          ...paging,
          onPage: (done, planned) =>
            onProgress({ pagesDone: pagesBefore + done, pagesTotal: pagesBefore + planned }),
        },
      );
      pagesBefore += read.pages.length;
      return read;
    },
    idOf: (session) => session.sessionId,
    // ACUs only grow: of two copies fetched at different moments, the later one is current.
    prefer: (candidate, kept) => candidate.updatedAt > kept.updatedAt,
    keep: (session) => isInPeriod(query, session.createdAt),
    onWarning: warn,
  });

  const nullAcus = listing.items.filter((session) => !session.acusReported).length;
  if (nullAcus > 0) {
    warn(
      nullAcus === 1
        ? '1 session has no ACU figure (acus_consumed null) and counts as 0 ACUs'
        : `${nullAcus} sessions have no ACU figure (acus_consumed null) and count as 0 ACUs`,
    );
  }

  return {
    // The server was asked for ascending order; sorting again costs little and makes it a guarantee.
    sessions: sessionListOf(listing.items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())),
    stats: {
      pages: listing.pages,
      reportedTotal: listing.reportedTotal,
      itemsReceived: listing.itemsReceived,
      duplicatesDropped: listing.duplicatesDropped,
      outsidePeriodDropped: listing.outsideDropped,
      nullAcus,
      reread: listing.reread,
    },
    warnings,
  };
}
