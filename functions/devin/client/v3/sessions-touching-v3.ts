import type { Session } from '#core/session.js';
import { offerPages, readExactListing } from '../exact-listing.js';
import { appendListFilter } from '../list-filter.js';
import { collectInMemory } from '../listing-collector.js';
import { PAGE_LIMIT } from '../page-params.js';
import type { PagingSettings } from '../read-listing.js';
import { KEEP_EVERY_BILLED_SESSION, V3_SESSIONS_ROUTE } from './fetch-sessions-v3.js';
import { readCursorChain } from './read-cursor-chain.js';
import type { V3Paths } from './v3-paths.js';
import { parseCursorPage } from './wire-cursor-page.js';
import { sessionFromWireV3 } from './wire-session-v3.js';

/** Sessions by creation and last update, each bound exact and half-open; null leaves it open. */
export interface TouchingQuery {
  readonly createdFrom: Date | null;
  readonly createdTo: Date | null;
  readonly updatedFrom: Date | null;
  readonly updatedTo: Date | null;
  /** Only the sessions these service users created (on their own or on a person's behalf). */
  readonly serviceUserIds?: readonly string[];
}

/**
 * Sessions whose life touches an interval (created before its end, updated after its start):
 * the ones that carry ACUs across a period's edge. One cursor chain, asked one second wider on
 * every bound and filtered exactly here, checked for completeness like every listing.
 */
export async function listSessionsTouching(
  paths: V3Paths,
  paging: PagingSettings,
  query: TouchingQuery,
  onWarning: (message: string) => void,
): Promise<Session[]> {
  const base = new URLSearchParams({ first: String(PAGE_LIMIT), ...KEEP_EVERY_BILLED_SESSION });
  const sec = (d: Date, widen: -1 | 1) =>
    String(Math.max(0, widen < 0 ? Math.floor(d.getTime() / 1000) - 1 : Math.ceil(d.getTime() / 1000) + 1));
  if (query.createdFrom) base.set('created_after', sec(query.createdFrom, -1));
  if (query.createdTo) base.set('created_before', sec(query.createdTo, 1));
  if (query.updatedFrom) base.set('updated_after', sec(query.updatedFrom, -1));
  if (query.updatedTo) base.set('updated_before', sec(query.updatedTo, 1));
  // One service user at a time (list-filter.ts): a session made on a person's behalf does not
  // say which service user made it, so what arrives could not be narrowed here.
  if (!appendListFilter(base, 'service_user_ids', query.serviceUserIds)) {
    throw new RangeError(
      `list sessions of one service user at a time, got ${query.serviceUserIds?.join(', ')}`,
    );
  }
  const within = (at: Date, from: Date | null, to: Date | null): boolean =>
    (from === null || at >= from) && (to === null || at < to);
  const listing = await readExactListing<Session, Session[]>({
    resource: 'sessions',
    collector: () =>
      collectInMemory<Session>({
        idOf: (s) => s.sessionId,
        prefer: (candidate, kept) => candidate.updatedAt > kept.updatedAt,
        keep: (s) =>
          within(s.createdAt, query.createdFrom, query.createdTo) &&
          within(s.updatedAt, query.updatedFrom, query.updatedTo),
      }),
    read: (collector) =>
      readCursorChain(
        async (after, signal) => {
          const params = new URLSearchParams(base);
          if (after !== null) params.set('after', after);
          return parseCursorPage(
            await paths.get(V3_SESSIONS_ROUTE, params, signal),
            'session',
            sessionFromWireV3,
          );
        },
        { path: paths.pathOf(V3_SESSIONS_ROUTE), maxPages: paging.maxPages },
      ).then((read) => offerPages(read, collector)),
    onWarning,
  });
  return listing.items;
}
