import type { ReportPeriod } from '#core/period/report-period.js';
import type { AskedBy, RunRequest } from '#core/run/run-request.js';
import type { CliOptions } from './cli-options.js';

/** What a command line asks for, in the engine's words: a person's run that writes its email as a file. */
export function cliRunRequest(
  options: CliOptions,
  period: ReportPeriod,
  closing: boolean,
  mode: 'api' | 'demo',
): RunRequest {
  const choice = options.period;
  const periodAskedBy: AskedBy =
    choice.alignment === 'billing-cycle'
      ? { field: '--cycle', value: choice.cycle ?? 'latest' }
      : choice.month !== undefined
        ? { field: '--month', value: choice.month }
        : choice.from !== undefined
          ? { field: '--from', value: choice.from }
          : { field: '--month', value: period.slug };
  return {
    trigger: 'person',
    period,
    periodAskedBy,
    close: closing ? { field: '--close', value: true } : undefined,
    force: false,
    email: 'preview-file',
    filtered: options.orgIds.length + options.userIds.length + options.tags.length > 0,
    // The demo's own closes are demo data: a new demo replaces them, so `npm start` always shows a fresh one.
    replacesDemoCloses: mode === 'demo',
    showback: false,
  };
}
