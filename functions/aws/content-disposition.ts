/**
 * `Content-Disposition: attachment` for a file name, safe for any name (RFC 6266).
 *
 * HTTP header values must be ASCII, so the plain `filename` carries an ASCII
 * stand-in and `filename*` (RFC 5987, UTF-8) the exact name; browsers prefer
 * the latter. Path separators never reach the header, so a download cannot be
 * steered into another folder.
 */
export function attachmentDisposition(fileName: string): string {
  const name = fileName.replace(/[/\\]/g, '_');
  if (name.trim() === '') throw new RangeError('a download needs a non-empty file name');
  const fallback = asciiFallback(name);
  if (fallback === name) return `attachment; filename="${name}"`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** Printable ASCII only, without the quote and backslash a quoted-string would have to escape. */
function asciiFallback(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/gu, '_');
}

/** encodeURIComponent leaves `'()*` alone, but RFC 5987's attr-char does not allow them. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
