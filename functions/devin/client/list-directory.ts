import { offerPages, readExactListing } from './exact-listing.js';
import { getJson } from './get-json.js';
import type { HttpSettings } from './http-settings.js';
import { type Listing, unavailableListing } from './listing.js';
import { collectInMemory } from './listing-collector.js';
import { PAGE_LIMIT, pageParams } from './page-params.js';
import { type PagingSettings, readListing } from './read-listing.js';
import { parsePage } from './wire-page.js';

export interface DirectoryEndpoint<T> {
  readonly path: string;
  /** Plural, for messages. */
  readonly resource: string;
  /** Singular, for data errors. */
  readonly recordName: string;
  readonly parseItem: (item: unknown) => T;
  readonly idOf: (item: T) => string;
}

/** Reads every member or organization, exactly like sessions but without a period to filter by. */
export async function listDirectory<T>(
  http: HttpSettings,
  paging: PagingSettings,
  endpoint: DirectoryEndpoint<T>,
  onWarning: (message: string) => void,
): Promise<Listing<T>> {
  const params = new URLSearchParams({ limit: String(PAGE_LIMIT) });
  try {
    const listing = await readExactListing<T, T[]>({
      resource: endpoint.resource,
      collector: () => collectInMemory({ idOf: endpoint.idOf, prefer: () => false, keep: () => true }),
      read: (collector) =>
        readListing(
          (skip, signal) =>
            getJson(http, endpoint.path, pageParams(params, skip), signal).then((json) =>
              parsePage(json, skip, endpoint.recordName, endpoint.parseItem),
            ),
          { path: endpoint.path, ...paging, onPage: () => {} },
        ).then((read) => offerPages(read, collector)),
      onWarning,
    });
    return { kind: 'ok', items: listing.items };
  } catch (error) {
    return unavailableListing(error, { reason: (e) => e.message });
  }
}
