import type { ChartImage } from '#charts/chart-image.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import type { SessionArchives, WorkbookSessionCoverage } from '#core/report/session-row-limit.js';
import { buildEmailContent } from './build-email-content.js';
import { emailChart } from './chart-html.js';
import { renderHtml } from './render-html.js';
import { renderText } from './render-text.js';

/** Where the workbook went, in the words the email needs. */
export interface EmailDelivery {
  workbookFileName: string;
  /** Presigned download link and the instant it really stops working; absent for the local preview. */
  link?: { url: string; expiresAt: Date };
  /**
   * Where the workbook is stored (s3://bucket/key and the S3 console URL), or for the local run the file path.
   * `freshLinkHint` is shown as written after "To get a fresh link: ", e.g.
   * `invoke the function with {"month":"2026-10","email":false}`.
   */
  location?:
    | { kind: 's3'; uri: string; consoleUrl: string; freshLinkHint: string }
    | { kind: 'file'; path: string };
  /** The workbook is attached to this message. */
  attached: boolean;
  /** Each ERP journal-format file stored beside the workbook (S3 key or local path); absent or empty: none. */
  journalFiles?: readonly string[];
}

/** How many sessions the workbook lists, and where all of them are: said only when it lists some. */
export interface EmailSessionCoverage {
  readonly coverage: WorkbookSessionCoverage;
  readonly archives: SessionArchives;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** Images the HTML references by `cid:`: the message must carry them as inline parts. */
  inlineImages?: readonly ChartImage[];
}

/** The monthly chargeback email: subject, HTML and plain-text bodies carrying the same facts. */
export function renderChargebackEmail(input: {
  report: ChargebackReport;
  run: RunInfo;
  delivery: EmailDelivery;
  charts?: readonly ChartImage[];
  sessions?: EmailSessionCoverage;
}): RenderedEmail {
  const charts = input.charts ?? [];
  const content = { ...buildEmailContent(input), charts: charts.map(emailChart) };
  return {
    subject: content.subject,
    html: renderHtml(content),
    text: renderText(content),
    inlineImages: charts,
  };
}
