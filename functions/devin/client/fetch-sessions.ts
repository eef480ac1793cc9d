import type { Session } from '#core/session.js';
import type { SessionList } from '#core/session-list.js';
import { readExactListing, shapeOf } from './exact-listing.js';
import { type FetchedSessions, fetchedSessionsOf, fetchWarnings } from './fetched-sessions.js';
import { getJson } from './get-json.js';
import type { HttpSettings } from './http-settings.js';
import { pageParams } from './page-params.js';
import { pagesInOrder } from './pages-in-order.js';
import { type PagingSettings, readListing } from './read-listing.js';
import { collectSessions } from './session-collector.js';
import { sessionListParams } from './session-list-params.js';
import { matchesQuery, type SessionQuery } from './session-query.js';
import { type Page, parsePage } from './wire-page.js';
import { sessionFromWire } from './wire-session.js';

export const SESSIONS_PATH = '/v2/enterprise/sessions';

export interface FetchProgress {
  readonly pagesDone: number;
  /** Grows when the listing turns out longer than the first page said, or is read again. */
  readonly pagesTotal: number;
}

/**
 * @param spoolPath where the sessions are written as they arrive (a month of millions does not fit
 *   in memory); null holds them in an array
 */
export async function fetchSessions(
  http: HttpSettings,
  paging: PagingSettings,
  query: SessionQuery,
  onProgress: (progress: FetchProgress) => void,
  onWarning: (message: string) => void,
  spoolPath: string | null = null,
): Promise<FetchedSessions> {
  const params = sessionListParams(query);
  const log = fetchWarnings(onWarning);

  let pagesBefore = 0;
  const listing = await readExactListing<Session, SessionList>({
    resource: 'sessions',
    collector: () => collectSessions((session) => matchesQuery(query, session), spoolPath),
    read: async (collector) => {
      const read = await readListing(
        pagesInOrder(
          (skip: number, signal?: AbortSignal): Promise<Page<Session>> =>
            getJson(http, SESSIONS_PATH, pageParams(params, skip), signal).then((json) =>
              parsePage(json, skip, 'session', sessionFromWire),
            ),
          (items) => {
            for (const item of items) collector.offer(item);
          },
          { path: SESSIONS_PATH, cursorOf: (skip) => `skip=${skip}` },
        ),
        {
          path: SESSIONS_PATH,
          ...paging,
          onPage: (done, planned) =>
            onProgress({ pagesDone: pagesBefore + done, pagesTotal: pagesBefore + planned }),
        },
      );
      pagesBefore += read.pages.length;
      return shapeOf(read);
    },
    onWarning: log.warn,
  });

  return fetchedSessionsOf(listing.items, [listing], log);
}
