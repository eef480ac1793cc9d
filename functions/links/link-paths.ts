/**
 * The link service's URLs, in one place for the report function that writes
 * them and the link service that reads them: `<base>r/<token>` is the landing
 * page, `<base>r/<token>/download` the download.
 */
export type LinkRoute =
  | { readonly kind: 'landing'; readonly token: string }
  | { readonly kind: 'download'; readonly token: string }
  /** No token, or a path the service does not serve. */
  | { readonly kind: 'none' };

/** `baseUrl` is the Function URL (it ends with '/'); a base without one gets it. */
export function landingUrl(baseUrl: string, token: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `${base}r/${token}`;
}

const LANDING = /^\/r\/([^/]+)\/?$/;
const DOWNLOAD = /^\/r\/([^/]+)\/download\/?$/;

export function parseLinkPath(rawPath: string): LinkRoute {
  const download = DOWNLOAD.exec(rawPath);
  if (download?.[1]) return { kind: 'download', token: download[1] };
  const landing = LANDING.exec(rawPath);
  if (landing?.[1]) return { kind: 'landing', token: landing[1] };
  return { kind: 'none' };
}

/**
 * The landing page's Download button, relative so it works behind any base
 * path: from `/r/<token>` it is `<token>/download`; from `/r/<token>/`, `download`.
 */
export function downloadHref(rawPath: string, token: string): string {
  return rawPath.endsWith('/') ? 'download' : `${token}/download`;
}
