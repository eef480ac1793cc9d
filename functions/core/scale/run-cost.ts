/**
 * What one session costs a run, end to end (fetch, aggregate, workbook, exports, FOCUS, upload).
 * The planner divides an invocation's time and memory by these to know how many sessions fit.
 *
 * From `npm run bench -- 1100000` on a 2-core x86 machine (2026-12-02, another bench running):
 * - time: the whole run took 266 s on v2 (242 µs a session) and 434 s on v3 (394 µs, of which
 *   158 s were the fake's slow per-principal bill); 250 µs a session, with the planner's halving
 *   of the time left, keeps a v3 month of the measured kind inside 15 minutes;
 * - memory: peak RSS 698 MB (v2) and 717 MB (v3) at 1.1 M sessions against about 550 MB at
 *   100,000: under 200 bytes a session above the runtime's own. 400 bytes is the ceiling used.
 * Change them here only; `SESSIONS_PER_INVOCATION` overrides the outcome for one deployment.
 */
export const RUN_COST = {
  microsecondsPerSession: 250,
  bytesPerSession: 400,
  /** What a run holds whatever its size: the runtime, exceljs, DuckDB, the chart renderer. */
  baselineBytes: 500 * 1024 * 1024,
} as const;

export interface RunCost {
  readonly microsecondsPerSession: number;
  readonly bytesPerSession: number;
  readonly baselineBytes: number;
}
