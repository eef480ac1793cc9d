import { DevinApiError } from '../devin-api-error.js';
import { v3PermissionOf } from '../endpoint-access.js';
import { getJson } from '../get-json.js';
import type { HttpSettings } from '../http-settings.js';

type Prefix = '/v3' | '/v3beta1';

/**
 * Where each v3 endpoint lives. The vendor's current pages say `/v3/`, older ones `/v3beta1/`.
 * A 404 from `/v3/` is tried once under `/v3beta1/`; when that answers, the family of routes is
 * remembered there and a warning says so, once. Retries stay in `getJson`.
 */
export class V3Paths {
  readonly #http: HttpSettings;
  readonly #onWarning: (message: string) => void;
  readonly #prefixes = new Map<string, Prefix>();
  readonly #warned = new Set<string>();

  constructor(http: HttpSettings, onWarning: (message: string) => void) {
    this.#http = http;
    this.#onWarning = onWarning;
  }

  /** The path a route (`/enterprise/...`) is called at now, e.g. for messages. */
  pathOf(route: string, family = route): string {
    return `${this.#prefixes.get(family) ?? '/v3'}${route}`;
  }

  /** GET `route` (without prefix); `family` groups routes with ids in them (`/consumption/daily/users/{id}`). */
  async get(route: string, params: URLSearchParams, signal?: AbortSignal, family = route): Promise<unknown> {
    try {
      return await this.#get(route, params, signal, family);
    } catch (error) {
      // A refusal names the permission the vendor's docs give for the endpoint.
      if (!(error instanceof DevinApiError) || error.status !== 403) throw error;
      const permission = v3PermissionOf(family);
      throw permission === null ? error : error.withPermission(permission);
    }
  }

  async #get(
    route: string,
    params: URLSearchParams,
    signal: AbortSignal | undefined,
    family: string,
  ): Promise<unknown> {
    const known = this.#prefixes.get(family);
    if (known !== undefined) return getJson(this.#http, `${known}${route}`, params, signal);
    try {
      return await getJson(this.#http, `/v3${route}`, params, signal);
    } catch (error) {
      if (!(error instanceof DevinApiError) || error.status !== 404) throw error;
      let json: unknown;
      try {
        json = await getJson(this.#http, `/v3beta1${route}`, params, signal);
      } catch (older) {
        // The more specific answer wins: a 401 or 403 under /v3beta1 says the endpoint exists
        // there and the key may not use it, which a 404 under /v3 does not contradict.
        if (older instanceof DevinApiError && (older.status === 401 || older.status === 403)) throw older;
        throw error;
      }
      this.#prefixes.set(family, '/v3beta1');
      if (!this.#warned.has(family)) {
        this.#warned.add(family);
        this.#onWarning(
          `GET /v3${family} answered 404; using /v3beta1${family}, where older vendor docs put it`,
        );
      }
      return json;
    }
  }
}
