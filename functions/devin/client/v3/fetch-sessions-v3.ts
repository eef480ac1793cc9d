import { rmSync } from 'node:fs';
import type { Session } from '#core/session.js';
import { type SessionList, sessionListOf } from '#core/session-list.js';
import { concatSpools, type SpooledSessions } from '#spool/session-spool.js';
import { type ExactListing, readExactListing, shapeOf } from '../exact-listing.js';
import type { FetchProgress } from '../fetch-sessions.js';
import { type FetchedSessions, fetchedSessionsOf, fetchWarnings } from '../fetched-sessions.js';
import { appendListFilter } from '../list-filter.js';
import { PAGE_LIMIT } from '../page-params.js';
import { pagesInOrder } from '../pages-in-order.js';
import type { PagingSettings } from '../read-listing.js';
import { collectSessions } from '../session-collector.js';
import { matchesQuery, type SessionQuery } from '../session-query.js';
import { readCursorChain } from './read-cursor-chain.js';
import { readInWindows } from './read-in-windows.js';
import { appendPrincipals } from './session-principals.js';
import { estimatedPages, type FirstPageFacts, type TimeWindow } from './session-windows.js';
import type { V3Paths } from './v3-paths.js';
import { type CursorPage, parseCursorPage } from './wire-cursor-page.js';
import { sessionFromWireV3 } from './wire-session-v3.js';

export const V3_SESSIONS_ROUTE = '/enterprise/sessions';

/**
 * What the v3 sessions listing is sent so that no billed session is left out. The vendor's
 * generated SDKs type the listing's query (SessionListParams,
 * github.com/iancmoritz/devin-platform-typescript src/resources/enterprise/sessions/sessions.ts;
 * devin-platform-python src/devin_platform/types/enterprise/session_list_params.py) with
 * `include_deleted_orgs: bool` and `is_archived: bool | null`; the pages
 * (https://docs.devin.ai/zh/api-reference/v3/sessions/organizations-sessions) list neither and
 * say nothing of their defaults. A deleted org's sessions were billed all the same, so
 * `include_deleted_orgs=true` is sent. `is_archived` is a filter (nullable: left out, no filter),
 * and archived sessions were billed too, so it is never sent: sending either value would drop
 * the other half.
 */
export const KEEP_EVERY_BILLED_SESSION = { include_deleted_orgs: 'true' } as const;

/**
 * Every session created in [from, to), exactly once, from the v3 cursor-paged listing.
 *
 * A cursor chain is sequential, so the period is split into time windows read concurrently (as
 * many at once as the v2 client reads pages) and sized by their first pages (readInWindows). Each
 * window is asked for one second more on each side (the vendor does not document whether its
 * bounds are inclusive), then filtered to its own half-open slice, so every session lands in
 * exactly one window. Each window is checked like a v2 listing (every session the server counted
 * must arrive, else it is read again, and if it still falls short the fetch fails); the windows
 * are then joined in time order. With `spoolPath` each window spools its slice as it arrives.
 */
export async function fetchSessionsV3(
  paths: V3Paths,
  paging: PagingSettings,
  query: SessionQuery,
  onProgress: (progress: FetchProgress) => void,
  onWarning: (message: string) => void,
  spoolPath: string | null = null,
): Promise<FetchedSessions> {
  const log = fetchWarnings(onWarning);
  if (!(query.from.getTime() < query.to.getTime())) {
    throw new RangeError(
      `session query period is empty: from ${query.from.toISOString()} is not before to ${query.to.toISOString()}`,
    );
  }
  let pagesDone = 0;
  let pagesPlanned = 1;
  const tick = (): void => {
    pagesDone += 1;
    onProgress({ pagesDone, pagesTotal: Math.max(pagesPlanned, pagesDone) });
  };
  const fetchPage = async (
    window: TimeWindow,
    after: string | null,
    signal?: AbortSignal,
  ): Promise<CursorPage<Session>> => {
    const params = windowParams(query, window);
    if (after !== null) params.set('after', after);
    return parseCursorPage(await paths.get(V3_SESSIONS_ROUTE, params, signal), 'session', sessionFromWireV3);
  };

  // Every window's spool, so that a fetch that fails leaves none of them behind (on Lambda, /tmp
  // outlives the invocation).
  const parts: string[] = [];
  const read = (
    window: TimeWindow,
    probed: CursorPage<Session>,
    signal: AbortSignal,
  ): Promise<ExactListing<SessionList>> => {
    // The probe that sized the window starts its first read; a second read starts afresh.
    let first: CursorPage<Session> | undefined = probed;
    const part = spoolPath === null ? null : `${spoolPath}.window-${parts.length}`;
    if (part !== null) parts.push(part);
    return readExactListing<Session, SessionList>({
      resource: 'sessions',
      collector: () =>
        collectSessions(
          (session) => inWindow(window, session.createdAt) && matchesQuery(query, session),
          part,
        ),
      read: (collector) => {
        const start = first;
        first = undefined;
        const offer = (items: readonly Session[]) => {
          for (const item of items) collector.offer(item);
        };
        // The probe was read before the chain began: its sessions go first, and the chain keeps its length.
        if (start) offer(start.items);
        return readCursorChain(
          pagesInOrder(
            (after: string | null, chainSignal?: AbortSignal) => fetchPage(window, after, chainSignal),
            offer,
            {
              path: paths.pathOf(V3_SESSIONS_ROUTE),
              cursorOf: (after) => `after=${JSON.stringify(after)}`,
              ...(start && { before: start.items }),
            },
          ),
          {
            path: paths.pathOf(V3_SESSIONS_ROUTE),
            maxPages: paging.maxPages,
            onPage: tick,
            signal,
            ...(start && { first: { ...start, items: new Array<Session>(start.items.length) } }),
          },
        ).then(shapeOf);
      },
      onWarning: log.warn,
    });
  };
  let listings: ExactListing<SessionList>[];
  let sessions: SessionList;
  try {
    // Resolves or rejects only once every window's read has stopped: no part is still being written.
    ({ results: listings } = await readInWindows(
      { from: query.from, to: query.to },
      paging.concurrency,
      {
        probe: async (window, signal) => {
          const page = await fetchPage(window, null, signal);
          tick();
          return page;
        },
        estimate: (window, page) => estimatedPages(window, firstPageFacts(page), PAGE_LIMIT),
        read,
      },
      (pages) => {
        pagesPlanned = pages;
      },
    ));
    // Each window kept only its own half-open slice, so no session is in two: in time order they
    // are the period, oldest first.
    sessions = joinWindows(
      listings.map((listing) => listing.items),
      spoolPath,
    );
  } catch (error) {
    for (const part of parts) rmSync(part, { force: true });
    throw error;
  }
  return fetchedSessionsOf(sessions, listings, log);
}

function joinWindows(lists: readonly SessionList[], spoolPath: string | null): SessionList {
  if (spoolPath === null) return sessionListOf(lists.flatMap((list) => [...list]));
  const parts = lists as readonly SpooledSessions[];
  const joined = concatSpools(spoolPath, parts);
  for (const part of parts) rmSync(part.path, { force: true });
  return joined;
}

/**
 * Whole seconds, one more on each side: a bound that turns out exclusive still lets the edge in.
 * With {@link KEEP_EVERY_BILLED_SESSION}: sessions of deleted orgs and archived ones are listed.
 */
export function windowParams(query: SessionQuery, window: TimeWindow): URLSearchParams {
  const params = new URLSearchParams({
    created_after: String(Math.max(0, Math.floor(window.from.getTime() / 1000) - 1)),
    created_before: String(Math.ceil(window.to.getTime() / 1000) + 1),
    first: String(PAGE_LIMIT),
    ...KEEP_EVERY_BILLED_SESSION,
  });
  // Each only when it has one value (list-filter.ts); the collector re-applies every filter.
  appendListFilter(params, 'org_ids', query.orgIds);
  appendPrincipals(params, query.userIds);
  appendListFilter(params, 'session_ids', query.sessionIds);
  appendListFilter(params, 'tags', query.tags);
  return params;
}

function firstPageFacts(page: CursorPage<Session>): FirstPageFacts {
  return {
    items: page.items.length,
    hasNextPage: page.hasNextPage,
    total: page.total,
    lastCreatedAt: page.items.at(-1)?.createdAt ?? null,
  };
}

function inWindow(window: TimeWindow, at: Date): boolean {
  const t = at.getTime();
  return t >= window.from.getTime() && t < window.to.getTime();
}
