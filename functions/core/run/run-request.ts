import type { PeriodAlignment, ReportPeriod } from '../period/report-period.js';

/** The field of the event or command line that asked for something, and its value, for a refusal to name. */
export interface AskedBy {
  readonly field: string;
  readonly value: string | number | boolean;
}

/**
 * What a run was asked to do, once the event or the command line is parsed and the period
 * resolved: the Lambda's schedule and manual events and the CLI's options all come to this.
 */
export interface RunRequest {
  /**
   * 'schedule': the monthly (or cycle) schedule, or its retry; 'catch-up': the daily run that
   * closes what the schedule left, answering 'waiting' rather than failing; 'person': a manual
   * event or the CLI.
   */
  readonly trigger: 'schedule' | 'catch-up' | 'person';
  readonly period: ReportPeriod;
  /** What named the period (`scheduledTime`, `month`, `--month`, `cycle`, …). */
  readonly periodAskedBy: AskedBy;
  /** Set when the run is to close the period: what asked for it (`scheduledTime`, `close`, `--close`). */
  readonly close: AskedBy | undefined;
  /** `force`: send (or write) again what was sent already. */
  readonly force: boolean;
  /**
   * 'finance': the run emails finance (the schedule, a manual event); 'link-only': `email:false`,
   * a fresh link and nothing sent; 'preview-file': the CLI, which writes the email beside the
   * report as a file and sends nothing.
   */
  readonly email: 'finance' | 'link-only' | 'preview-file';
  /** Orgs, users or tags narrow the run to a slice: never the period's record. */
  readonly filtered: boolean;
  /** The demo: a close of demo data by an earlier demo is demo data too, and a new demo close replaces it. */
  readonly replacesDemoCloses: boolean;
  /**
   * The alignment the deployment closes in (its configured one); a close in another is refused,
   * so a stray manual close cannot take the month from the schedule. None on a laptop.
   */
  readonly closesIn?: PeriodAlignment | undefined;
  /** Owners' showback emails follow this close's finance email. */
  readonly showback: boolean;
}
