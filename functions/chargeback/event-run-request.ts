import { isFiltered } from '#close/run-files.js';
import type { PeriodAlignment, ReportPeriod } from '#core/period/report-period.js';
import type { AskedBy, RunRequest } from '#core/run/run-request.js';
import { periodAskedBy } from '#run/period-asked-by.js';
import type { ChargebackRun } from './chargeback-event.js';

/** What a Lambda event asks for, in the engine's words (the schedule closes; a person may). */
export function eventRunRequest(
  run: ChargebackRun,
  period: ReportPeriod,
  showback: boolean,
  closesIn: PeriodAlignment,
): RunRequest {
  if (run.kind === 'scheduled') {
    const asked: AskedBy = { field: 'scheduledTime', value: run.scheduledTime.toISOString() };
    return {
      trigger: run.catchUp === true ? 'catch-up' : 'schedule',
      period,
      periodAskedBy: asked,
      close: asked,
      force: false,
      email: 'finance',
      filtered: false,
      replacesDemoCloses: false,
      showback,
    };
  }
  const periodAsked = periodAskedBy(run.period, '', '');
  return {
    trigger: 'person',
    period,
    periodAskedBy: periodAsked,
    close: run.close ? { field: 'close', value: true } : undefined,
    force: run.force,
    email: run.email ? 'finance' : 'link-only',
    filtered: isFiltered(run),
    replacesDemoCloses: false,
    closesIn,
    showback,
  };
}
