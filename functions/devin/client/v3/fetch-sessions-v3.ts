import { rmSync } from 'node:fs';
import type { Session } from '../../../core/session.js';
import { type SessionList, sessionListOf } from '../../../core/session-list.js';
import { concatSpools, type SpooledSessions } from '../../../spool/session-spool.js';
import { type ExactListing, readExactListing, shapeOf } from '../exact-listing.js';
import { type FetchedSessions, type FetchProgress, warnNullAcus } from '../fetch-sessions.js';
import { mapWithConcurrency } from '../map-with-concurrency.js';
import { PAGE_LIMIT } from '../page-params.js';
import { pagesInOrder } from '../pages-in-order.js';
import type { PagingSettings } from '../read-listing.js';
import { collectSessions } from '../session-collector.js';
import type { SessionQuery } from '../session-query.js';
import { readCursorChain } from './read-cursor-chain.js';
import { appendPrincipals } from './session-principals.js';
import { splitIntoWindows, type TimeWindow } from './session-windows.js';
import type { V3Paths } from './v3-paths.js';
import { type CursorPage, parseCursorPage } from './wire-cursor-page.js';
import { sessionFromWireV3 } from './wire-session-v3.js';

export const V3_SESSIONS_ROUTE = '/enterprise/sessions';

/** Windows per page in flight: more windows than workers keeps every worker busy when usage is uneven. */
const WINDOWS_PER_WORKER = 2;

/**
 * Every session created in [from, to), exactly once, from the v3 cursor-paged listing.
 *
 * A cursor chain is sequential, so the period is split into time windows read concurrently (as
 * many at once as the v2 client reads pages). Each window is asked for one second more on each
 * side (the vendor does not document whether its bounds are inclusive), then filtered to its
 * own half-open slice, so every session lands in exactly one window. Each window is checked like
 * a v2 listing (every session the server counted must arrive, else it is read again, and if it
 * still falls short the fetch fails); the windows are then joined in time order.
 */
export async function fetchSessionsV3(
  paths: V3Paths,
  paging: PagingSettings,
  query: SessionQuery,
  onProgress: (progress: FetchProgress) => void,
  onWarning: (message: string) => void,
  spoolPath: string | null = null,
): Promise<FetchedSessions> {
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    onWarning(message);
  };
  if (!(query.from.getTime() < query.to.getTime())) {
    throw new RangeError(
      `session query period is empty: from ${query.from.toISOString()} is not before to ${query.to.toISOString()}`,
    );
  }
  const windows = splitIntoWindows(query.from, query.to, paging.concurrency * WINDOWS_PER_WORKER);
  let pagesDone = 0;
  const planned = new Map<number, number>(windows.map((_, i) => [i, 1]));
  const tick = (): void => {
    pagesDone += 1;
    const total = [...planned.values()].reduce((sum, n) => sum + n, 0);
    onProgress({ pagesDone, pagesTotal: Math.max(total, pagesDone) });
  };

  const read = (
    window: TimeWindow,
    index: number,
    signal: AbortSignal,
  ): Promise<ExactListing<SessionList>> => {
    const base = windowParams(query, window);
    return readExactListing<Session, SessionList>({
      resource: 'sessions',
      collector: () =>
        collectSessions(
          (session) => inWindow(window, session.createdAt),
          spoolPath === null ? null : `${spoolPath}.window-${index}`,
        ),
      read: (collector) => {
        let pagesOfRead = 0;
        return readCursorChain(
          pagesInOrder(
            async (after: string | null, chainSignal?: AbortSignal): Promise<CursorPage<Session>> => {
              const params = new URLSearchParams(base);
              if (after !== null) params.set('after', after);
              const page = parseCursorPage(
                await paths.get(V3_SESSIONS_ROUTE, params, chainSignal),
                'session',
                sessionFromWireV3,
              );
              pagesOfRead += 1;
              if (pagesOfRead === 1 && page.total !== null) {
                planned.set(
                  index,
                  (planned.get(index) ?? 0) + Math.max(1, Math.ceil(page.total / PAGE_LIMIT)) - 1,
                );
              }
              return page;
            },
            (items) => {
              for (const item of items) collector.offer(item);
            },
          ),
          { path: paths.pathOf(V3_SESSIONS_ROUTE), maxPages: paging.maxPages, onPage: tick, signal },
        ).then(shapeOf);
      },
      onWarning: warn,
    });
  };
  const listings = await mapWithConcurrency(
    windows.map((w, i) => [w, i] as const),
    paging.concurrency,
    ([w, i], signal) => read(w, i, signal),
  );

  // Each window kept only its own half-open slice, so no session is in two: in window order they
  // are the period, oldest first.
  const sessions = joinWindows(
    listings.map((listing) => listing.items),
    spoolPath,
  );
  let nullAcus = 0;
  for (const session of sessions) if (!session.acusReported) nullAcus += 1;
  warnNullAcus(nullAcus, warn);
  const sum = (pick: (listing: ExactListing<SessionList>) => number): number =>
    listings.reduce((total, listing) => total + pick(listing), 0);
  return {
    sessions,
    stats: {
      pages: sum((l) => l.pages),
      reportedTotal: sum((l) => l.reportedTotal),
      itemsReceived: sum((l) => l.itemsReceived),
      duplicatesDropped: sum((l) => l.duplicatesDropped),
      outsidePeriodDropped: sum((l) => l.outsideDropped),
      nullAcus,
      reread: listings.some((l) => l.reread),
    },
    warnings,
  };
}

function joinWindows(lists: readonly SessionList[], spoolPath: string | null): SessionList {
  if (spoolPath === null) return sessionListOf(lists.flatMap((list) => [...list]));
  const parts = lists as readonly SpooledSessions[];
  const joined = concatSpools(spoolPath, parts);
  for (const part of parts) rmSync(part.path, { force: true });
  return joined;
}

/** Whole seconds, one more on each side: a bound that turns out exclusive still lets the edge in. */
export function windowParams(query: SessionQuery, window: TimeWindow): URLSearchParams {
  const params = new URLSearchParams({
    created_after: String(Math.max(0, Math.floor(window.from.getTime() / 1000) - 1)),
    created_before: String(Math.ceil(window.to.getTime() / 1000) + 1),
    first: String(PAGE_LIMIT),
  });
  for (const id of query.orgIds ?? []) params.append('org_ids', id);
  appendPrincipals(params, query.userIds);
  for (const id of query.sessionIds ?? []) params.append('session_ids', id);
  for (const tag of query.tags ?? []) params.append('tags', tag);
  return params;
}

function inWindow(window: TimeWindow, at: Date): boolean {
  const t = at.getTime();
  return t >= window.from.getTime() && t < window.to.getTime();
}
