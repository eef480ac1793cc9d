/**
 * How a list filter (`org_ids`, `user_ids`, `session_ids`, `service_user_ids`, `tags`) goes on
 * the wire, where the vendor's own sources disagree (docs/devin-api-notes.md, "Array filters"):
 * its OpenAPI documents (v2-openapi.yaml, v3 pages) declare each as a query array with no
 * `style`, which is OpenAPI's `form, explode: true`: repeated keys, as FastAPI reads them; the
 * generated SDKs built from the same spec join them with commas (devin-platform-python
 * `_client.py`: `Querystring(array_format="comma")`). A server reading one way loses every
 * session the other way names (repeated keys read as the last one only; "a,b" read as one id).
 *
 * So a filter with one value is sent as that single `key=value`, the same in both encodings; a
 * filter with several is not sent at all, and the caller gets `false`: it must then narrow what
 * it reads itself (the session listings always re-apply every filter), or ask once per value.
 */
export function appendListFilter(
  params: URLSearchParams,
  key: string,
  values: readonly string[] | undefined,
): boolean {
  if (values === undefined || values.length === 0) return true;
  const distinct = [...new Set(values)];
  if (distinct.length > 1) return false;
  params.set(key, distinct[0] as string);
  return true;
}
