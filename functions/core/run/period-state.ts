/**
 * What the store holds for a period when a run starts: read once by the engine, then judged by
 * `decide()` alone. Read again after an atomic step (a claim) that found it changed.
 */
export interface PeriodState {
  /** The period's own close record: it is closed. */
  readonly record: StoredRecord | undefined;
  /** The same month's record under another alignment (a calendar month and its billing-day twin are one month). */
  readonly closedElsewhere: StoredRecord | undefined;
  /** The close claim on the period, as stored. */
  readonly claim: StoredClaim | undefined;
  /** A claim on the same month under another alignment. */
  readonly claimedElsewhere: StoredClaim | undefined;
  /** The email markers of the period's names: what was (being) sent from them. */
  readonly email: Readonly<Record<EmailMarkerName, EmailState>>;
  /** Finance has the close's email but owners' showback emails are still missing. */
  readonly showbackPending: boolean;
}

/** What decide() needs of a close record (the whole record rides along for serving it). */
export interface StoredRecord {
  readonly runId: string;
  readonly closedAt: string;
  /** 'demo' for a demo's close of demo data. */
  readonly source: string;
  /** Where it is: the key or path, for messages. */
  readonly where: string;
  /** The record's period, as finance reads it. */
  readonly label: string;
  readonly alignment: string;
}

export type StoredClaim =
  | {
      readonly kind: 'held';
      readonly runId: string;
      readonly since: Date;
      /** The holder is known to be gone (a killed CLI process on this host): dead at once. */
      readonly holderGone: boolean;
      readonly where: string;
    }
  /** A torn or foreign write: nobody can be holding it. */
  | { readonly kind: 'unreadable'; readonly where: string };

/**
 * The markers a run may send under: the record's names (the close's email), a preliminary run
 * of the record's names, a preview beside a closed record, and a filtered slice's.
 */
export type EmailMarkerName = 'close' | 'preliminary' | 'preview' | 'filtered';

export type EmailState =
  | { readonly kind: 'none' }
  /** Claimed by a run that has not said it sent: it is sending, or died mid-send. */
  | { readonly kind: 'sending'; readonly runId: string; readonly since: Date | undefined }
  | { readonly kind: 'sent'; readonly runId: string };

export const NOTHING_SENT: Readonly<Record<EmailMarkerName, EmailState>> = {
  close: { kind: 'none' },
  preliminary: { kind: 'none' },
  preview: { kind: 'none' },
  filtered: { kind: 'none' },
};
