import { DevinConfigError } from './devin-config-error.js';

export const API_VERSIONS = ['v2', 'v3'] as const;
/** Which Devin API answers: v2 (personal `apk_user_` keys, deprecated) or v3 (service users, `cog_` keys). */
export type ApiVersion = (typeof API_VERSIONS)[number];

export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}

/**
 * The API a key is for: `cog_` keys (service users, personal access tokens) only work on v3,
 * `apk_user_`/`apk_` keys only on v2 (devin-api-v3.md §5). An explicit choice wins, for a
 * tenant whose keys look otherwise or to test one version against the other.
 */
export function apiVersionFor(apiKey: string, override?: ApiVersion): ApiVersion {
  if (override !== undefined) return override;
  return apiKey.startsWith('cog_') ? 'v3' : 'v2';
}

/** Reads an override (`--api-version`, `DEVIN_API_VERSION`, `devinApiVersion`); blank means none. */
export function parseApiVersion(field: string, value: string | undefined): ApiVersion | undefined {
  const text = value?.trim();
  if (text === undefined || text === '') return undefined;
  if (isApiVersion(text)) return text;
  throw new DevinConfigError(field, `must be v2 or v3, got ${JSON.stringify(text)}`);
}
