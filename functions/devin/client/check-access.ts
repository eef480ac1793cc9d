import { apiVersionFor } from './api-version.js';
import { DevinApiError } from './devin-api-error.js';
import { type DevinClientOptions, httpSettingsOf } from './devin-client.js';
import { type EndpointAccess, V2_ENDPOINT_ACCESS, V3_ENDPOINT_ACCESS } from './endpoint-access.js';
import { getJson } from './get-json.js';
import { devinSessionId } from './v3/devin-session-id.js';
import { V3Paths } from './v3/v3-paths.js';

export type AccessResult = 'ok' | 'refused' | 'missing' | 'error' | 'not checked';

export interface AccessRow extends EndpointAccess {
  /** The path asked, with the ids used. */
  readonly path: string;
  readonly result: AccessResult;
  /** Status and reason when not ok. */
  readonly detail: string | null;
}

export interface AccessCheck {
  readonly version: 'v2' | 'v3';
  readonly rows: readonly AccessRow[];
  /** True when sessions can be read: the report can run. */
  readonly canReport: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Calls each endpoint the report reads once with the configured key (the smallest page, the last
 * whole billing day), so an operator knows before the first monthly run what the key may read.
 * Ids for the per-principal paths come from the first session listed; without one, those rows
 * are `not checked`. One attempt each, no retries beyond the client's policy for 429/5xx.
 */
export async function checkAccess(options: DevinClientOptions, now: Date): Promise<AccessCheck> {
  const http = { ...httpSettingsOf(options), onRetry: () => {} };
  const version = apiVersionFor(options.apiKey, options.apiVersion);
  const dayEnd = Math.floor((now.getTime() - 8 * 3_600_000) / DAY_MS) * DAY_MS + 8 * 3_600_000;
  const window = { time_after: String((dayEnd - DAY_MS) / 1000), time_before: String(dayEnd / 1000) };
  const attempt = async (
    row: EndpointAccess,
    path: string,
    ask: () => Promise<unknown>,
  ): Promise<AccessRow> => {
    try {
      const json = await ask();
      return { ...row, path, result: 'ok', detail: null, ...({ json } as object) };
    } catch (error) {
      if (!(error instanceof DevinApiError)) throw error;
      const result: AccessResult =
        error.status === 401 || error.status === 403 ? 'refused' : error.status === 404 ? 'missing' : 'error';
      return { ...row, path, result, detail: error.reason };
    }
  };

  if (version === 'v2') {
    const rows: AccessRow[] = [];
    for (const row of V2_ENDPOINT_ACCESS) {
      const params = new URLSearchParams(
        row.route.endsWith('/daily')
          ? {
              start_date: new Date(dayEnd - DAY_MS).toISOString().replace('.000Z', 'Z'),
              end_date: new Date(dayEnd).toISOString().replace('.000Z', 'Z'),
            }
          : row.route.endsWith('/cycles')
            ? {}
            : { limit: '1' },
      );
      rows.push(strip(await attempt(row, row.route, () => getJson(http, row.route, params))));
    }
    return { version, rows, canReport: rows[0]?.result === 'ok' };
  }

  const paths = new V3Paths(http, () => {});
  const rows: AccessRow[] = [];
  let ids: Record<string, string | null> = {};
  for (const row of V3_ENDPOINT_ACCESS) {
    const idName = /\{([a-z_]+)\}/.exec(row.route)?.[1];
    const id = idName === undefined ? undefined : ids[idName];
    if (idName !== undefined && (id === undefined || id === null)) {
      rows.push({
        ...row,
        path: `/v3${row.route}`,
        result: 'not checked',
        detail: `no ${idName} to ask with`,
      });
      continue;
    }
    const route =
      idName === undefined ? row.route : row.route.replace(`{${idName}}`, encodeURIComponent(id ?? ''));
    const params = new URLSearchParams(
      route.includes('/consumption/daily') || route.endsWith('/metrics/sessions')
        ? window
        : route.endsWith('/service-users')
          ? { first: '1', include_inactive: 'true' }
          : { first: '1' },
    );
    const checked = await attempt(row, paths.pathOf(route, row.route), () =>
      paths.get(route, params, undefined, row.route),
    );
    const json = (checked as { json?: unknown }).json;
    if (row.route === '/enterprise/sessions') ids = idsFrom(json);
    // A listing names an id the first session may lack (a person, a service user).
    const harvest: Record<string, string> = {
      '/enterprise/organizations': 'org_id',
      '/enterprise/members/users': 'user_id',
      '/enterprise/members/service-users': 'service_user_id',
    };
    const field = harvest[row.route];
    if (field !== undefined && !ids[field]) ids = { ...ids, [field]: firstOf(json, field) };
    rows.push(strip({ ...checked, path: paths.pathOf(route, row.route) }));
  }
  return { version, rows, canReport: rows[0]?.result === 'ok' };
}

function strip(row: AccessRow): AccessRow {
  const { json: _json, ...rest } = row as AccessRow & { json?: unknown };
  return rest;
}

function firstOf(json: unknown, field: string): string | null {
  const value = (json as { items?: Record<string, unknown>[] } | undefined)?.items?.[0]?.[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Ids of the first session listed, for the per-principal paths. */
function idsFrom(json: unknown): Record<string, string | null> {
  const item = (json as { items?: Record<string, unknown>[] } | undefined)?.items?.[0];
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  const sessionId = text(item?.session_id);
  return {
    org_id: text(item?.org_id),
    user_id: text(item?.user_id),
    service_user_id: text(item?.service_user_id),
    session_id: sessionId === null ? null : devinSessionId(sessionId),
  };
}
