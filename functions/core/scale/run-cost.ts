/**
 * What one session costs a run, end to end (fetch, aggregate, workbook, exports, FOCUS, upload).
 * The planner divides an invocation's time and memory by these to know how many sessions fit.
 *
 * From `npm run bench -- 1100000 5000000` on a 2-core x86 machine, alone (2026-12-02):
 * - time: 1.1 M sessions took 140 s on v2 and 143 s on v3 end to end (about 130 µs a session), and
 *   5 M took 526 s on either (105 µs). 250 µs, with the planner's halving of the time left, leaves
 *   room for Lambda's share of a CPU (2048 MB is about 1.2 vCPU, slower than this core) and for a
 *   real API slower to bill than the fake;
 * - memory: peak RSS 573 MB (v2) and 418 MB (v3) at 1.1 M, 1,482 MB (v2) and 514 MB (v3) at 5 M: v2's
 *   fetch keeps a record of every id (about 230 bytes a session), v3's one window's. 400 bytes is
 *   the ceiling used.
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
