/**
 * What one session costs a run, end to end (fetch, aggregate, workbook, exports, FOCUS, upload).
 * The planner divides an invocation's time and memory by these to know how many sessions fit.
 *
 * TODO-figures: placeholders until the bench (`npm run bench -- 1100000 5000000`) replaces them.
 * - time: ~30 µs a session on 2 cores end to end (≈ 33 s per million sessions);
 * - memory: 1.34 GB peak at 1.1 M sessions before the spool (toolchain.md, 2026-12-01), about
 *   1,200 bytes a session, rounded up: a ceiling, since the spool keeps sessions on disk.
 * Change them here only; `SESSIONS_PER_INVOCATION` overrides the outcome for one deployment.
 */
export const RUN_COST = {
  microsecondsPerSession: 30,
  bytesPerSession: 1_200,
  /** What a run holds whatever its size: the runtime, exceljs, DuckDB, the chart renderer. */
  baselineBytes: 300 * 1024 * 1024,
} as const;

export interface RunCost {
  readonly microsecondsPerSession: number;
  readonly bytesPerSession: number;
  readonly baselineBytes: number;
}
