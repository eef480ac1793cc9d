import { readEmailMarker } from '../aws/email-marker.js';
import type { ReportPeriod } from '../core/period/report-period.js';
import type { RunLog } from '../pipeline/run-log.js';
import type { ChargebackResult } from './chargeback-result.js';
import { manualEventText } from './manual-event-for.js';

/** What the email marker says about this run before it does anything. */
export type EmailGuard =
  | { readonly kind: 'go' }
  /** Finance was emailed; only owners' showback emails are still missing. */
  | { readonly kind: 'showback-only'; readonly financeEmailed: ChargebackResult }
  | { readonly kind: 'duplicate'; readonly result: ChargebackResult };

/**
 * Skip a run whose email was sent already (unless forced), finish the owners' emails of one
 * whose finance email left, and refuse one whose email may or may not have left.
 */
export async function emailGuard(
  input: {
    readonly s3: import('@aws-sdk/client-s3').S3Client;
    readonly bucket: string;
    readonly marker: string;
    readonly period: ReportPeriod;
    readonly wantsEmail: boolean;
    readonly force: boolean;
    readonly showbackPending: () => Promise<boolean>;
  },
  log: RunLog,
  runId: string,
): Promise<EmailGuard> {
  const { period } = input;
  const earlier =
    input.wantsEmail && !input.force
      ? await readEmailMarker(input.s3, input.bucket, input.marker)
      : undefined;
  if (earlier === undefined) return { kind: 'go' };
  if (earlier.state === 'sent' && earlier.result !== undefined) {
    const result = earlier.result as ChargebackResult;
    if (await input.showbackPending()) {
      log.info('period already emailed to finance; sending the showback emails still missing', {
        runId,
        period: period.slug,
      });
      return { kind: 'showback-only', financeEmailed: result };
    }
    log.info('period already emailed; returning the earlier result', {
      runId,
      period: period.slug,
      earlierRunId: earlier.runId,
    });
    return {
      kind: 'duplicate',
      result: {
        ...result,
        duplicateOf: earlier.runId,
        note: `${period.label} was emailed by run ${earlier.runId}; nothing was sent again. Invoke with "force": true to resend, or "email": false for a fresh link.`,
      },
    };
  }
  // A run that died mid-send (e.g. at the Lambda timeout) may or may not have mailed finance:
  // refusing beats a duplicate, and the message says how to settle it.
  const since = earlier.writtenAt ? ` since ${earlier.writtenAt.toISOString()}` : '';
  throw new Error(
    `the email for ${period.slug} has been marked '${earlier.state}' by run ${earlier.runId}${since} and may or may not have been sent. Check the recipients' inbox, then invoke with ${manualEventText(period, { force: true })} to send it again`,
  );
}
