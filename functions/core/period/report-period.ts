/**
 * The interval a report covers: half-open [from, to) of UTC instants, resolved
 * from calendar dates in `timeZone`.
 */
export interface ReportPeriod {
  /** 'month' for a whole month, 'range' for ad-hoc day ranges, 'cycle' for one vendor billing cycle. */
  readonly kind: 'month' | 'range' | 'cycle';
  /**
   * Where the days start: 'calendar' at midnight in `timeZone`; 'billing-day'
   * at 08:00 UTC like the vendor's billing days (timeZone is then 'UTC');
   * 'billing-cycle' at the bounds of a cycle from /consumption/cycles.
   */
  readonly alignment: PeriodAlignment;
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

export type PeriodAlignment = 'calendar' | 'billing-day' | 'billing-cycle';
