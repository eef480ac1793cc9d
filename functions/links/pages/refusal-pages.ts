import { escapeHtml } from '#email/escape-html.js';
import { htmlPage } from './page-layout.js';

/**
 * The pages of every answer but the landing page. They say what happened and
 * what to do, and nothing about why a token failed or what it names: a
 * stranger learns nothing from them.
 */
function refusal(params: { title: string; paragraphs: readonly (string | { code: string })[] }): string {
  const e = escapeHtml;
  const blocks = params.paragraphs.map((p) =>
    typeof p === 'string' ? `<p>${e(p)}</p>` : `<code>${e(p.code)}</code>`,
  );
  return htmlPage({
    title: params.title,
    body: `<div class="card">
<p class="eyebrow">Devin ACU chargeback</p>
<h1>${e(params.title)}</h1>
${blocks.join('\n')}
</div>`,
  });
}

/** 403: tampered, truncated, unknown, revoked. */
export function invalidLinkPage(): string {
  return refusal({
    title: 'This link does not work',
    paragraphs: [
      'The link is incomplete, was changed, or has been withdrawn.',
      'Open it again from the email, making sure the whole address was copied. If it still fails, ask the person who sends the chargeback report for a new link.',
    ],
  });
}

/**
 * 410. `freshLinkEvent` and `resendEvent` are the manual events that return a
 * new link or email the report again, when the report still says which.
 */
export function expiredLinkPage(params: {
  readonly expiredAt: string;
  readonly freshLinkEvent?: string | undefined;
  readonly resendEvent?: string | undefined;
}): string {
  const { freshLinkEvent, resendEvent } = params;
  return refusal({
    title: 'This link has expired',
    paragraphs: [
      `It stopped working on ${params.expiredAt}. The report itself is kept.`,
      'For a fresh link, forward this page to whoever runs the chargeback report (often the platform team).',
      freshLinkEvent
        ? 'For them: invoking the report function with this event returns a new link without emailing anyone:'
        : 'For them: invoking the report function for this period with "email": false returns a new link without emailing anyone.',
      ...(freshLinkEvent ? [{ code: freshLinkEvent }] : []),
      ...(freshLinkEvent && resendEvent ? ['Or, to email the report again:', { code: resendEvent }] : []),
    ],
  });
}

/** 404 for a valid link whose workbook is gone. */
export function reportGonePage(): string {
  return refusal({
    title: 'This report is no longer here',
    paragraphs: [
      'The link is valid, but the workbook it points to has been removed from the report store.',
      'Ask the person who runs the chargeback report to build it again; the new email will carry a new link.',
    ],
  });
}

/** 404 for an address without a token. */
export function nothingHerePage(): string {
  return refusal({
    title: 'Nothing here',
    paragraphs: [
      'This address serves Devin ACU chargeback reports through the links in the report emails.',
      'Open the link from your email to see the report and download it.',
    ],
  });
}

/** 405 */
export function methodNotAllowedPage(): string {
  return refusal({
    title: 'Not supported',
    paragraphs: ['Report links can only be opened (GET), not sent data to.'],
  });
}

/** 400, for a request the Function URL should never pass on. */
export function badRequestPage(): string {
  return refusal({ title: 'Bad request', paragraphs: ['The request could not be read.'] });
}

/** 500: a failure on our side (S3, Secrets Manager, configuration). */
export function serviceErrorPage(): string {
  return refusal({
    title: 'The report cannot be fetched right now',
    paragraphs: [
      'Something failed on our side, not with your link. Try again in a few minutes.',
      'If it keeps failing, tell the person who runs the chargeback report; the error has been logged.',
    ],
  });
}
