import type { EmailMarkerName, StoredRecord } from './period-state.js';

/** What `decide()` says a run does; the engine carries it out and nothing else. */
export type RunPlan =
  | { readonly kind: 'refuse'; readonly refusal: Refusal }
  /** The catch-up's answer when the period is left for a later run: not a failure. */
  | { readonly kind: 'wait'; readonly waiting: Waiting }
  /** The period is closed: its record is served (link, and the email from the record when said), nothing rebuilt. */
  | { readonly kind: 'serve-record'; readonly record: StoredRecord; readonly email: RecordEmail }
  /** This run's email was sent by an earlier run: its result is returned, nothing is sent again. */
  | { readonly kind: 'duplicate'; readonly marker: EmailMarkerName; readonly emailedBy: string }
  /** Finance has the close's email; only the owners' showback emails are still to go. */
  | { readonly kind: 'showback-only'; readonly emailedBy: string }
  | { readonly kind: 'build'; readonly build: Build };

/** A run that builds the report from the API. */
export interface Build {
  readonly status: 'preliminary' | 'closed';
  /** The names it writes: the period's record names, a preview beside a closed month, or a slice's. */
  readonly files: 'record' | 'preview' | 'filtered';
  /** The email marker it sends under, when it emails finance. */
  readonly marker: EmailMarkerName | undefined;
  /** Set on a close: claim the period first (`new`), or take over a dead claim by replace-if-unchanged. */
  readonly claim: { readonly kind: 'new' } | { readonly kind: 'take-over'; readonly of: string } | undefined;
  /** A demo close replacing an earlier demo's close of demo data. */
  readonly replacesDemoClose: StoredRecord | undefined;
}

/**
 * The record's email: 'none' (a fresh link), 'if-unsent' (a close retried after its email never
 * left), 'resend' (`force`).
 */
export type RecordEmail = 'none' | 'if-unsent' | 'resend';

export type Waiting =
  | { readonly reason: 'not-settled'; readonly notBefore: Date }
  | { readonly reason: 'being-closed'; readonly closingRunId: string; readonly since: Date | undefined };

/**
 * Why a run does nothing, naming the field and value that asked for it. 'input': the request
 * itself is wrong (a CLI exits 2); 'state': the period's state stops it now (exit 1), and the
 * message says what to do.
 */
export interface Refusal {
  readonly kind: 'input' | 'state';
  readonly field: string;
  readonly value: string | number | boolean;
  readonly reason: RefusalReason;
}

export type RefusalReason =
  | { readonly kind: 'too-early'; readonly notBefore: Date; readonly settleHours: number }
  | { readonly kind: 'before-first-report-day'; readonly firstDay: string }
  | { readonly kind: 'close-of-a-slice' }
  | { readonly kind: 'not-the-deployments-alignment'; readonly closesIn: string }
  | {
      readonly kind: 'being-closed';
      readonly runId: string;
      readonly since: Date | undefined;
      readonly where: string;
    }
  | { readonly kind: 'closed-elsewhere'; readonly record: StoredRecord }
  | {
      readonly kind: 'claimed-elsewhere';
      readonly runId: string;
      readonly since: Date;
      readonly where: string;
    }
  | {
      readonly kind: 'email-in-doubt';
      readonly marker: EmailMarkerName;
      readonly runId: string;
      readonly since: Date | undefined;
    };
