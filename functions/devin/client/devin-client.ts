import { setTimeout as delay } from 'node:timers/promises';
import type { BilledConsumptionResult } from '#core/report/billed-consumption.js';
import type { SessionEdgesResult } from '#core/report/session-edges.js';
import type { Session } from '#core/session.js';
import { type ApiVersion, apiVersionFor } from './api-version.js';
import type { BillingCycle } from './billing-cycle.js';
import { DEFAULT_DEVIN_API_URL } from './config.js';
import { countSessions } from './count-sessions.js';
import { countSessionsCarriedIn, type SessionCount } from './count-sessions-carried-in.js';
import { type BilledDays, fetchBilledConsumption } from './fetch-billed-consumption.js';
import type { FetchProgress } from './fetch-sessions.js';
import { fetchSessions } from './fetch-sessions.js';
import type { FetchedSessions } from './fetched-sessions.js';
import type { HttpSettings } from './http-settings.js';
import { listBillingCycles } from './list-billing-cycles.js';
import { listDirectory } from './list-directory.js';
import type { Listing } from './listing.js';
import { type Member, memberFromWire } from './member.js';
import { type Organization, organizationFromWire } from './organization.js';
import { DEFAULT_MAX_PAGES, type PagingSettings } from './read-listing.js';
import { DEFAULT_RETRY_POLICY } from './retry-decision.js';
import type { ServiceUser } from './service-user.js';
import type { SessionQuery } from './session-query.js';
import { createDevinClientV3, V3_REFUSED_KEY_HINT } from './v3/devin-client-v3.js';
import type { SessionEdgesRequest } from './v3/read-session-edges-v3.js';

export type { ApiVersion } from './api-version.js';
export type { BillingCycle } from './billing-cycle.js';
export type { SessionCount } from './count-sessions-carried-in.js';
export type { BilledDays, BilledPrincipals } from './fetch-billed-consumption.js';
export type { FetchProgress } from './fetch-sessions.js';
export type { FetchedSessions } from './fetched-sessions.js';
export type { Listing } from './listing.js';
export type { Member } from './member.js';
export type { Organization } from './organization.js';
export type { ServiceUser } from './service-user.js';
export type { SessionQuery } from './session-query.js';
export type { SessionEdgesRequest } from './v3/read-session-edges-v3.js';

export interface DevinClientOptions {
  apiKey: string;
  /** Said with a 401 (the key refused, e.g. expired): where a new key goes, e.g. "update the secret …". */
  unauthorizedAdvice?: string;
  /** A warning about the key every report states (its recorded expiry is near), or none. */
  keyNotice?: string;
  /** Default https://api.devin.ai; dedicated enterprise deployments have their own host. */
  baseUrl?: string;
  /** Pages in flight at once; default 4. */
  concurrency?: number;
  /** Per request, body included; default 30 000. */
  timeoutMs?: number;
  /** Tries per request, the first included; default 5. */
  maxAttempts?: number;
  /** Pages one listing may span before the client refuses; default 100 000 (20 million sessions). */
  maxPages?: number;
  /** v3: edge sessions the walk to the bill reads one by one before giving up on it; default 5 000. */
  maxEdgeSessions?: number;
  fetch?: typeof fetch;
  /** Waits between attempts; given the read's abort signal so a failed read need not wait it out. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Every warning as it happens, retries included, for logs. Never carries the key. */
  onWarning?: (message: string) => void;
  /** Which API to use; by default the key decides (`cog_` → v3, else v2). */
  apiVersion?: ApiVersion;
}

export interface FetchSessionsOptions {
  readonly onProgress?: (p: FetchProgress) => void;
  readonly spoolPath?: string;
}

export interface DevinClient {
  /** Host of the API, e.g. `api.devin.ai`, for the About sheet. */
  readonly host: string;
  /** A warning about the key (its expiry is near) for the report's log and email footer; absent when none. */
  readonly keyNotice?: string;
  /**
   * Every session created in [query.from, query.to), exactly once, or an error. With `spoolPath`
   * the sessions are written there as they arrive and read back from it, so a month of millions
   * is never held in memory; the caller removes the file.
   */
  fetchSessions(query: SessionQuery, options?: FetchSessionsOptions): Promise<FetchedSessions>;
  /**
   * About how many sessions `fetchSessions(query)` will return, from one small request (v3
   * without a listing total: one metrics request more). For planning the run, never for a figure.
   */
  countSessions(query: SessionQuery): Promise<number>;
  listMembers(): Promise<Listing<Member>>;
  listOrganizations(): Promise<Listing<Organization>>;
  /** Principals that are not people (v3); v2 has none and lists none. */
  listServiceUsers(): Promise<Listing<ServiceUser>>;
  /** The vendor's bill for billing days firstDay..lastDay (both included); never rejects for API trouble. */
  fetchBilledConsumption(days: BilledDays): Promise<BilledConsumptionResult>;
  /** The enterprise's billing cycles, oldest first; `unavailable` on 403/404. */
  listBillingCycles(): Promise<Listing<BillingCycle>>;
  /**
   * Per-session daily consumption of the sessions that cross the period's billing-day edges, for
   * the walk from session ACUs to the bill; `available: false` with the reason on v2 (no such
   * endpoint) or when the key may not read it.
   */
  readSessionEdges(request: SessionEdgesRequest): Promise<SessionEdgesResult>;
  /**
   * Sessions created in [from, to) and updated at or after `updatedAfter`, in one listing with
   * the API's updated-after filter (v3): what a closed period's true-up re-reads. Absent on v2,
   * which has no such filter; callers then read the period and keep the updated ones.
   */
  listSessionsUpdatedAfter?(query: {
    readonly from: Date;
    readonly to: Date;
    readonly updatedAfter: Date;
  }): Promise<readonly Session[]>;
  /** Sessions created before `from` and updated inside [from, to), for explaining differences only. */
  countSessionsCarriedIn(period: { readonly from: Date; readonly to: Date }): Promise<SessionCount>;
}

/** Why the walk to the bill is in words only on v2. */
export const V2_HAS_NO_SESSION_CONSUMPTION =
  'the v2 API has no per-session consumption, so the difference is explained in words only; ' +
  'a v3 service-user key (cog_…) gives the walk in numbers';

/** The HTTP settings (retry policy, timeouts) every request of a client with `options` uses. */
export function httpSettingsOf(options: DevinClientOptions): HttpSettings {
  const baseUrl = (options.baseUrl ?? DEFAULT_DEVIN_API_URL).replace(/\/+$/, '');
  const onWarning = options.onWarning ?? (() => {});
  const version = apiVersionFor(options.apiKey, options.apiVersion);
  return {
    baseUrl,
    apiKey: options.apiKey,
    timeoutMs: positiveInteger('timeoutMs', options.timeoutMs ?? 30_000),
    retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: positiveInteger('maxAttempts', options.maxAttempts ?? 5) },
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? ((ms, signal) => delay(ms, undefined, signal ? { signal } : {})),
    random: options.random ?? Math.random,
    now: () => new Date(),
    onRetry: onWarning,
    ...(version === 'v3' && { refusedKeyHint: V3_REFUSED_KEY_HINT }),
    ...(options.unauthorizedAdvice !== undefined && { unauthorizedAdvice: options.unauthorizedAdvice }),
  };
}

export function createDevinClient(options: DevinClientOptions): DevinClient {
  const onWarning = options.onWarning ?? (() => {});
  const version = apiVersionFor(options.apiKey, options.apiVersion);
  const http = httpSettingsOf(options);
  const baseUrl = http.baseUrl;
  const paging: PagingSettings = {
    concurrency: positiveInteger('concurrency', options.concurrency ?? 4),
    maxPages: positiveInteger('maxPages', options.maxPages ?? DEFAULT_MAX_PAGES),
    ...(options.maxEdgeSessions !== undefined && {
      maxEdgeSessions: positiveInteger('maxEdgeSessions', options.maxEdgeSessions),
    }),
  };

  const host = new URL(baseUrl).host;
  const notice = options.keyNotice === undefined ? {} : { keyNotice: options.keyNotice };
  if (version === 'v3') return { ...createDevinClientV3(http, paging, host, onWarning), ...notice };
  return {
    host,
    ...notice,
    fetchSessions: (query, fetchOptions) =>
      fetchSessions(
        http,
        paging,
        query,
        fetchOptions?.onProgress ?? (() => {}),
        onWarning,
        fetchOptions?.spoolPath ?? null,
      ),
    countSessions: (query) => countSessions(http, query),
    listMembers: () =>
      listDirectory(
        http,
        paging,
        {
          path: '/v2/enterprise/members',
          resource: 'members',
          recordName: 'member',
          parseItem: memberFromWire,
          idOf: (member) => member.userId,
        },
        onWarning,
      ),
    listOrganizations: () =>
      listDirectory(
        http,
        paging,
        {
          path: '/v2/enterprise/organizations',
          resource: 'organizations',
          recordName: 'organization',
          parseItem: organizationFromWire,
          idOf: (organization) => organization.orgId,
        },
        onWarning,
      ),
    listServiceUsers: async () => ({ kind: 'ok', items: [] }),
    fetchBilledConsumption: (days) => fetchBilledConsumption(http, days, onWarning),
    listBillingCycles: () => listBillingCycles(http, onWarning),
    readSessionEdges: async () => ({ available: false, reason: V2_HAS_NO_SESSION_CONSUMPTION }),
    countSessionsCarriedIn: (period) => countSessionsCarriedIn(http, period, onWarning),
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
