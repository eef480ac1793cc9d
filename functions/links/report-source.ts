import type { SummaryDocument } from '#core/report/summary-document.js';

/** Metadata keys the report function writes for the expired page's advice: the manual events to ask for. */
export const FRESH_LINK_EVENT_METADATA = 'fresh-link-event';
export const RESEND_EVENT_METADATA = 'resend-event';

/** A stored workbook as the link service sees it. */
export interface ReportFile {
  readonly key: string;
  /** The name the download is saved under. */
  readonly fileName: string;
  readonly sizeBytes: number;
  /** The report function's S3 metadata (period, sessions, acus, cost, the manual events). */
  readonly metadata: Readonly<Record<string, string>>;
}

/** Where the link service reads reports from; the S3 adapter implements it. */
export interface ReportSource {
  /** Undefined when there is no such object. */
  find(key: string): Promise<ReportFile | undefined>;
  /** The report's summary.json beside the workbook; undefined when missing or unreadable as one. */
  summary(file: ReportFile): Promise<SummaryDocument | undefined>;
  /** A presigned GET that downloads the file as an attachment, valid for a few minutes. */
  downloadUrl(file: ReportFile, now: Date): Promise<string>;
}

/**
 * Whatever a token says, only workbooks under the report prefix are served,
 * by a plain key (no empty, `.` or `..` segment a URL could be rewritten by).
 */
export function isServableKey(key: string, prefix: string): boolean {
  if (!key.startsWith(prefix) || !key.endsWith('.xlsx')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\x00-\x1f\x7f\\]/.test(key)) return false;
  return key
    .slice(prefix.length)
    .split('/')
    .every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
