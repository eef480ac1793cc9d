import type { AskedBy } from '#core/run/run-request.js';
import type { PeriodChoice } from '#pipeline/period-choice.js';

/**
 * The field that named a period, for a refusal to name: `month`, `from` or `cycle` in an event,
 * the same with `--` on a command line (`prefix`); `fallback` when nothing named it (the default).
 */
export function periodAskedBy(choice: PeriodChoice, prefix: '' | '--', fallback: string): AskedBy {
  if (choice.alignment === 'billing-cycle')
    return { field: `${prefix}cycle`, value: choice.cycle ?? 'latest' };
  if (choice.month !== undefined) return { field: `${prefix}month`, value: choice.month };
  if (choice.from !== undefined) return { field: `${prefix}from`, value: choice.from };
  return { field: `${prefix}month`, value: fallback };
}
