/**
 * The interval a report covers: half-open [from, to) of UTC instants, resolved
 * from calendar dates in `timeZone`.
 */
export interface ReportPeriod {
  /** 'month' for a whole calendar month, 'range' for ad-hoc day ranges. */
  readonly kind: 'month' | 'range';
  /** Inclusive start instant (UTC). */
  readonly from: Date;
  /** Exclusive end instant (UTC). */
  readonly to: Date;
  /** IANA time zone the calendar dates are read in, e.g. 'Europe/Berlin'. */
  readonly timeZone: string;
  /** First calendar day covered, YYYY-MM-DD in `timeZone`. */
  readonly firstDay: string;
  /** Last calendar day covered (inclusive), YYYY-MM-DD in `timeZone`. */
  readonly lastDay: string;
  /** For people: 'October 2026' or '1 Oct 2026 – 15 Oct 2026'. */
  readonly label: string;
  /** For file names and keys: '2026-10' or '2026-10-01_2026-10-15'. */
  readonly slug: string;
}
