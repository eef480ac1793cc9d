import { DevinConfigError } from './devin-config-error.js';

export const DEFAULT_DEVIN_API_URL = 'https://api.devin.ai';

export interface DevinConfig {
  readonly apiKey: string;
  /** Origin (and optional path prefix) without a trailing slash. */
  readonly baseUrl: string;
}

const HOW_TO_GET_A_KEY =
  'An enterprise admin creates a service user in Devin (Enterprise settings → Service users, with an ' +
  'enterprise role that may read usage) and generates its API key, which starts with cog_ (API v3). ' +
  'An Enterprise Admin’s personal key (apk_user_…) still works on the deprecated v2 API; org-level ' +
  'service users are refused by the enterprise endpoints.';

/** Reads DEVIN_API_KEY (required) and DEVIN_API_URL (optional; dedicated enterprise hosts differ). */
export function devinConfigFromEnv(env: Record<string, string | undefined>): DevinConfig {
  const apiKey = env.DEVIN_API_KEY?.trim();
  if (!apiKey) throw new DevinConfigError('DEVIN_API_KEY', `is not set. ${HOW_TO_GET_A_KEY}`);
  if (/\s/.test(apiKey)) {
    // Never echo the value: it is a secret even when malformed.
    throw new DevinConfigError(
      'DEVIN_API_KEY',
      `contains whitespace; paste the key alone. ${HOW_TO_GET_A_KEY}`,
    );
  }
  const rawUrl = env.DEVIN_API_URL?.trim() || DEFAULT_DEVIN_API_URL;
  return { apiKey, baseUrl: normalizeBaseUrl(rawUrl) };
}

function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new DevinConfigError('DEVIN_API_URL', `is not a URL: ${JSON.stringify(raw)}`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DevinConfigError('DEVIN_API_URL', `must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new DevinConfigError(
      'DEVIN_API_URL',
      'must be a plain base URL such as https://api.devin.ai (no credentials, query or fragment)',
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
