/** Facts about one run of the report, shown on the About sheet and in summary.json. */
export interface RunInfo {
  readonly runId: string;
  readonly generatedAt: Date;
  /** package name@version of this tool. */
  readonly generator: string;
  /** Host of the Devin API read (never the key). */
  readonly apiHost: string;
  /** 'api' for a real run, 'demo' for the built-in data set. */
  readonly source: 'api' | 'demo';
  readonly filters: ReportFilters;
  /** Warnings the email footer repeats, e.g. that the Devin key expires soon. */
  readonly notices?: readonly string[];
}

export interface ReportFilters {
  readonly orgIds: readonly string[];
  readonly userIds: readonly string[];
  readonly tags: readonly string[];
}
