/**
 * Milliseconds to wait according to a `Retry-After` header, which RFC 9110 allows as either
 * delay-seconds or an HTTP-date. Null when absent or unreadable, so the caller falls back to
 * its own backoff; a date in the past means "now" (0).
 */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const text = header.trim();
  // RFC 9110 says whole seconds, but some servers send a fraction ("1.5"); it is read, rounded up
  // to the millisecond, rather than ignored (which would fall back to a shorter backoff).
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // Only the IMF-fixdate form servers are required to send ("Sun, 06 Nov 1994 08:49:37 GMT");
  // Date.parse alone would also accept bare numbers and local-time strings.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
