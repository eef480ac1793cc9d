/** One colour on a chart: an org, or the bucket of the orgs too small to name. */
export interface ChartSeries {
  /** The org ID, or OTHER_SERIES_KEY. */
  readonly key: string;
  /** The org's name (its ID when it has none), or "Other (n orgs)". */
  readonly label: string;
  /** #rrggbb; the same org has the same colour on every chart of a report. */
  readonly colour: string;
  readonly other: boolean;
}

/** Not an org ID the API can send: they are opaque tokens without parentheses. */
export const OTHER_SERIES_KEY = '(other)';
