import { InvalidInputError } from '#core/errors.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { Refusal } from '#core/run/run-plan.js';

/**
 * A run the period's state stops now (exit 1, not 2): it is being closed, closed under another
 * alignment, or its email is in doubt. The message names the run, record or marker, and what to do.
 */
export class RunRefusedError extends Error {
  override readonly name = 'RunRefusedError';
  constructor(
    readonly refusal: Refusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The error for a refusal: an {@link InvalidInputError} naming the field and value when the
 * request is wrong, a {@link RunRefusedError} when the state stops it. `resend` is the event (or
 * command) that settles an email in doubt.
 */
export function refusalError(
  refusal: Refusal,
  period: ReportPeriod,
  resend: string,
): InvalidInputError | RunRefusedError {
  const { reason } = refusal;
  switch (reason.kind) {
    case 'too-early':
      return new InvalidInputError(
        refusal.field,
        refusal.value,
        `would close ${period.label} before its last billing day has ended and settled (${reason.settleHours} h); it may close from ${reason.notBefore.toISOString()}`,
      );
    case 'before-first-report-day':
      return new InvalidInputError(
        refusal.field,
        refusal.value,
        `is before ${reason.firstDay}, the first day the Devin API could bill`,
      );
    case 'close-of-a-slice':
      return new InvalidInputError(
        refusal.field,
        refusal.value,
        'cannot be combined with filters: a close records the whole period, a filtered run only a slice of it',
      );
    case 'not-the-deployments-alignment':
      return new InvalidInputError(
        refusal.field,
        refusal.value,
        `cannot be closed here: this deployment closes ${period.label.replace(/ \(.*\)$/, '')} in the ${reason.closesIn} alignment, and a month has one record whatever the alignment; leave out "close" for a preview`,
      );
    case 'being-closed':
      return new RunRefusedError(
        refusal,
        `${period.label} is being closed by run ${reason.runId} in ${reason.where}${reason.since ? ` since ${reason.since.toISOString()}` : ''}; try again when it is done: its close record will say when it is`,
      );
    case 'closed-elsewhere':
      return new RunRefusedError(
        refusal,
        `${period.label} cannot be closed: ${reason.record.label} was closed under the ${reason.record.alignment} alignment at ${reason.record.closedAt} by run ${reason.record.runId} (${reason.record.where}); a month has one record whatever the alignment. A run without close writes a preview under ${period.slug}'s own names`,
      );
    case 'claimed-elsewhere':
      return new RunRefusedError(
        refusal,
        `${period.label} cannot be closed: the same month is being closed under another alignment by run ${reason.runId} since ${reason.since.toISOString()} (${reason.where}); a month has one record whatever the alignment`,
      );
    case 'email-in-doubt':
      return new RunRefusedError(
        refusal,
        `the email for ${period.slug} has been marked 'sending' by run ${reason.runId}${reason.since ? ` since ${reason.since.toISOString()}` : ''} and may or may not have been sent. Check the recipients' inbox, then ${resend} to send it again`,
      );
  }
}
