import type { ReportPeriod } from '#core/period/report-period.js';
import type { WaitingResult } from './chargeback-result.js';

/** The catch-up's answer when the period is left for a later run (see WaitingResult). */
export function waitingResult(
  period: ReportPeriod,
  runId: string,
  waiting: WaitingResult['waiting'],
): WaitingResult {
  const note =
    waiting.reason === 'not-settled'
      ? `${period.label} may close from ${waiting.notBefore}, once its last billing day's bill has settled; a later run closes it`
      : `${period.label} is being closed by run ${waiting.closingRunId}${waiting.since ? ` since ${waiting.since}` : ''}; nothing was done`;
  return {
    period: {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      label: period.label,
      timeZone: period.timeZone,
    },
    runId,
    waiting,
    emailed: false,
    note,
  };
}
