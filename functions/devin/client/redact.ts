const MAX_EXCERPT_CHARS = 300;

/**
 * A short, single-line excerpt of a response body for error messages, with every occurrence of
 * the secret replaced: proxies and debug endpoints sometimes echo request headers back.
 */
export function bodyExcerpt(body: string, secret: string): string | null {
  const text = redact(body, secret).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return text.length > MAX_EXCERPT_CHARS ? `${text.slice(0, MAX_EXCERPT_CHARS)}…` : text;
}

export function redact(text: string, secret: string): string {
  return secret === '' ? text : text.replaceAll(secret, '[redacted]');
}
