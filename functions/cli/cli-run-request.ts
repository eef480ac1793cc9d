import { isFiltered } from '#close/run-files.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { RunRequest } from '#core/run/run-request.js';
import { periodAskedBy } from '#run/period-asked-by.js';
import type { CliOptions } from './cli-options.js';

/** What a command line asks for, in the engine's words: a person's run that writes its email as a file. */
export function cliRunRequest(
  options: CliOptions,
  period: ReportPeriod,
  closing: boolean,
  mode: 'api' | 'demo',
): RunRequest {
  return {
    trigger: 'person',
    period,
    periodAskedBy: periodAskedBy(options.period, '--', period.slug),
    close: closing ? { field: '--close', value: true } : undefined,
    force: false,
    email: 'preview-file',
    filtered: isFiltered(options),
    // The demo's own closes are demo data: a new demo replaces them, so `npm start` always shows a fresh one.
    replacesDemoCloses: mode === 'demo',
    showback: false,
  };
}
