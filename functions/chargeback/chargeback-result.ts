/** What the function returns: what a person sees in the console, and what a duplicate run returns again. */
export interface ChargebackResult {
  readonly period: {
    readonly from: string;
    readonly to: string;
    readonly label: string;
    readonly timeZone: string;
  };
  readonly s3: { readonly bucket: string; readonly key: string; readonly uri: string };
  /** The period's FOCUS Parquet object (absent in results stored before the dataset existed). */
  readonly focus?: { readonly key: string; readonly uri: string; readonly rows: number };
  readonly downloadUrl: string;
  readonly downloadUrlExpiresAt: string;
  readonly totals: {
    readonly sessions: number;
    /** Exact decimal strings: JSON numbers would round. */
    readonly acus: string;
    readonly cost: string;
    readonly currency: string;
  };
  readonly emailed: boolean;
  readonly messageId: string | null;
  readonly runId: string;
  /** Set when this invocation did nothing because the period had been emailed already. */
  readonly duplicateOf?: string;
  readonly note?: string;
  /** Budget owners emailed their slice by this invocation, and those emailed by earlier ones (SHOWBACK=true). */
  readonly showback?: { readonly sent: number; readonly alreadySent: number };
}
