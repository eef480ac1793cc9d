import { offerPages, readExactListing } from '../exact-listing.js';
import { type Listing, unavailableListing } from '../listing.js';
import { collectInMemory } from '../listing-collector.js';
import { PAGE_LIMIT } from '../page-params.js';
import type { PagingSettings } from '../read-listing.js';
import { readCursorChain } from './read-cursor-chain.js';
import type { V3Paths } from './v3-paths.js';
import { parseCursorPage } from './wire-cursor-page.js';

export interface DirectoryRouteV3<T> {
  /** Without the version prefix, e.g. `/enterprise/members/users`. */
  readonly route: string;
  readonly resource: string;
  readonly recordName: string;
  readonly parseItem: (item: unknown) => T;
  readonly idOf: (item: T) => string;
  /** Query parameters of every page besides the cursor, e.g. `include_inactive=true`. */
  readonly query?: Readonly<Record<string, string>>;
}

/** Every item of a v3 name listing, checked like sessions; 403/404 is `unavailable`, as on v2. */
export async function listDirectoryV3<T>(
  paths: V3Paths,
  paging: PagingSettings,
  endpoint: DirectoryRouteV3<T>,
  onWarning: (message: string) => void,
): Promise<Listing<T>> {
  try {
    const listing = await readExactListing<T, T[]>({
      resource: endpoint.resource,
      collector: () => collectInMemory({ idOf: endpoint.idOf, prefer: () => false, keep: () => true }),
      read: (collector) =>
        readCursorChain(
          async (after, signal) => {
            const params = new URLSearchParams({ ...endpoint.query, first: String(PAGE_LIMIT) });
            if (after !== null) params.set('after', after);
            return parseCursorPage(
              await paths.get(endpoint.route, params, signal),
              endpoint.recordName,
              endpoint.parseItem,
            );
          },
          { path: paths.pathOf(endpoint.route), maxPages: paging.maxPages },
        ).then((read) => offerPages(read, collector)),
      onWarning,
    });
    return { kind: 'ok', items: listing.items };
  } catch (error) {
    return unavailableListing(error, {
      reason: (e) => e.message,
      endpoint: paths.pathOf(endpoint.route),
      onWarning,
    });
  }
}

/**
 * v3 splits the members in two: people with a direct role, and people who get access through an
 * identity-provider group (who appear only in the second list). Both are read; a person in both
 * keeps the direct entry. One list refused still names everyone the other has, and says so.
 */
export function mergeMemberListings<T>(
  direct: Listing<T>,
  viaIdp: Listing<T>,
  idOf: (item: T) => string,
): Listing<T> {
  if (direct.kind === 'unavailable' && viaIdp.kind === 'unavailable') return direct;
  if (direct.kind === 'unavailable' || viaIdp.kind === 'unavailable') {
    const missing =
      direct.kind === 'unavailable' ? direct : (viaIdp as Extract<Listing<T>, { kind: 'unavailable' }>);
    const ok = direct.kind === 'ok' ? direct : (viaIdp as Extract<Listing<T>, { kind: 'ok' }>);
    return {
      kind: 'ok',
      items: ok.items,
      partial: `${missing.endpoint ?? 'a members endpoint'} answered ${missing.status} (${missing.reason}); the people only it lists are shown by ID`,
    };
  }
  const byId = new Map<string, T>();
  for (const item of [...direct.items, ...viaIdp.items])
    if (!byId.has(idOf(item))) byId.set(idOf(item), item);
  return { kind: 'ok', items: [...byId.values()] };
}
