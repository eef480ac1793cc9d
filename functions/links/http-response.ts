/** What a Lambda Function URL handler returns (payload format 2.0). */
export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * On every answer: nothing may load but inline styles, no page may frame it,
 * nothing is sniffed, cached or sent on as a referrer (the token is in the
 * URL), and browsers remember to use HTTPS only (a Function URL has no HTTP).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  // The meta tag says the same, but only to crawlers that parse the page.
  'X-Robots-Tag': 'noindex, nofollow',
};

export function htmlResponse(
  statusCode: number,
  html: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...extraHeaders },
    body: html,
  };
}

/** 302: the presigned URL is short-lived, so nothing may remember this answer. */
export function redirectResponse(location: string): HttpResponse {
  return { statusCode: 302, headers: { ...SECURITY_HEADERS, Location: location }, body: '' };
}

/** HEAD is GET without the body. */
export function withoutBody(response: HttpResponse): HttpResponse {
  return { ...response, body: '' };
}
