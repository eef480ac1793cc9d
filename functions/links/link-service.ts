import { formatUtcMinute } from '#email/link-expiry.js';
import type { AccessLogEntry } from './access-log.js';
import { type HttpResponse, htmlResponse, redirectResponse, withoutBody } from './http-response.js';
import { landingView } from './landing-view.js';
import { downloadHref, parseLinkPath } from './link-paths.js';
import { landingPage } from './pages/landing-page.js';
import {
  expiredLinkPage,
  invalidLinkPage,
  methodNotAllowedPage,
  nothingHerePage,
  reportGonePage,
  serviceErrorPage,
} from './pages/refusal-pages.js';
import {
  FRESH_LINK_EVENT_METADATA,
  isServableKey,
  RESEND_EVENT_METADATA,
  type ReportSource,
} from './report-source.js';
import { checkLinkToken } from './token/link-token.js';
import type { SigningKeys } from './token/signing-keys.js';

/** One request, as read from the Function URL event. */
export interface LinkRequest {
  readonly method: string;
  readonly rawPath: string;
  readonly sourceIp: string;
  readonly userAgent: string;
}

export interface LinkServiceDeps {
  /** Always ends with '/' (or is empty). */
  readonly prefix: string;
  readonly signingKeys: () => Promise<SigningKeys>;
  readonly reports: ReportSource;
  readonly now: () => Date;
  readonly accessLog: (entry: AccessLogEntry) => void;
  /** A failure on our side; the message names no token and no URL. */
  readonly failure: (message: string, error: unknown) => void;
}

type Outcome = Pick<AccessLogEntry, 'outcome' | 'reason' | 'tokenId' | 'objectKey' | 'period'>;

/**
 * Token in, page or redirect out, and exactly one access-log line (a HEAD is logged as checked,
 * never as a view or a download). Refusals
 * are decided before S3 is asked anything, except that a report's absence is
 * only known by asking.
 */
export async function serveLinkRequest(request: LinkRequest, deps: LinkServiceDeps): Promise<HttpResponse> {
  const route = parseLinkPath(request.rawPath);
  const head = request.method === 'HEAD';
  const finish = (response: HttpResponse, outcome: Outcome): HttpResponse => {
    deps.accessLog({
      route: route.kind,
      method: request.method,
      status: response.statusCode,
      ...outcome,
      sourceIp: request.sourceIp,
      userAgent: request.userAgent,
    });
    return head ? withoutBody(response) : response;
  };

  if (request.method !== 'GET' && !head) {
    return finish(htmlResponse(405, methodNotAllowedPage(), { Allow: 'GET, HEAD' }), {
      outcome: 'method-not-allowed',
    });
  }
  if (route.kind === 'none') return finish(htmlResponse(404, nothingHerePage()), { outcome: 'no-token' });

  let outcome: Outcome = { outcome: 'error' };
  try {
    const now = deps.now();
    const check = checkLinkToken(route.token, await deps.signingKeys(), now);
    outcome = { outcome: 'error', tokenId: check.tokenId };
    if (check.kind === 'invalid') {
      return finish(htmlResponse(403, invalidLinkPage()), {
        ...outcome,
        outcome: 'invalid-token',
        reason: check.reason,
      });
    }
    const { key, expiresAt } = check.claims;
    outcome = { ...outcome, objectKey: key };
    if (!isServableKey(key, deps.prefix)) {
      return finish(htmlResponse(403, invalidLinkPage()), {
        ...outcome,
        outcome: 'invalid-token',
        reason: 'outside-prefix',
      });
    }
    const file = await deps.reports.find(key);
    outcome = { ...outcome, ...(file?.metadata.period && { period: file.metadata.period }) };
    if (check.kind === 'expired') {
      const page = expiredLinkPage({
        expiredAt: formatUtcMinute(expiresAt),
        freshLinkEvent: file?.metadata[FRESH_LINK_EVENT_METADATA],
        resendEvent: file?.metadata[RESEND_EVENT_METADATA],
      });
      return finish(htmlResponse(410, page), { ...outcome, outcome: 'expired' });
    }
    if (!file) return finish(htmlResponse(404, reportGonePage()), { ...outcome, outcome: 'report-gone' });
    // A HEAD (a link checker, a mail scanner) learns the link works: nothing is presigned or read.
    if (head) return finish(htmlResponse(200, ''), { ...outcome, outcome: 'checked' });

    if (route.kind === 'download') {
      const url = await deps.reports.downloadUrl(file, now);
      return finish(redirectResponse(url), { ...outcome, outcome: 'downloaded' });
    }
    const view = landingView({
      file,
      summary: await deps.reports.summary(file),
      expiresAt,
      now,
      downloadHref: downloadHref(request.rawPath, route.token),
    });
    return finish(htmlResponse(200, landingPage(view)), { ...outcome, outcome: 'viewed' });
  } catch (error) {
    deps.failure('link request failed', error);
    return finish(htmlResponse(500, serviceErrorPage()), { ...outcome, outcome: 'error' });
  }
}
