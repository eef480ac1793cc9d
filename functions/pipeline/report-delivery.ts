import type { ClosedPeriod, ClosingFiles } from '#close/close-period.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { SessionArchives } from '#core/report/session-row-limit.js';
import type { EmailDelivery, RenderedEmail } from '#email/render-chargeback-email.js';
import type { SummaryArchive } from './read-previous-summary.js';
import type { ReportArtifacts } from './report-artifacts.js';

/** Where a stored report lives, in the words the email needs. */
export interface StoredReport {
  /** Shown in the email: link, location, and whether the workbook rides along. */
  readonly email: EmailDelivery;
  /** What was stored, by role (keys in S3, paths on a laptop): what a close fingerprints. */
  readonly files: ClosingFiles;
}

export interface SentEmail {
  /** Where a person can find it: the SES message id, or the preview .eml's path. */
  readonly messageId: string;
}

/**
 * The one thing that differs between the laptop and Lambda: where the report
 * goes and how the email leaves. Everything before it is the same pipeline.
 */
export interface ReportDelivery<
  Stored extends StoredReport = StoredReport,
  Sent extends SentEmail = SentEmail,
> extends SummaryArchive {
  /**
   * Where `store` puts the period's FOCUS dataset and raw sessions export, known
   * before the workbook is written: a workbook that lists only some sessions says where all are.
   */
  sessionArchives(period: ReportPeriod): SessionArchives;
  store(artifacts: ReportArtifacts): Promise<Stored>;
  /** Writes the period's close record for what `store` stored; called only when the run closes. */
  close(artifacts: ReportArtifacts, stored: Stored): Promise<ClosedPeriod>;
  send(email: RenderedEmail, artifacts: ReportArtifacts, stored: Stored): Promise<Sent>;
  /**
   * True when `send` only writes files (the laptop's preview): they are written before the record,
   * so the record stays the close's last write and a close killed after it lacks nothing.
   */
  readonly emailIsAFile?: boolean;
}
