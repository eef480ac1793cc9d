import type { ChargebackReport } from '../core/report/chargeback-report.js';
import type { RunInfo } from '../core/report/run-info.js';
import type { Session } from '../core/session.js';
import { billingAccountOf } from './billing-account.js';
import type { FocusDatasetInput } from './build-focus-rows.js';
import type { FocusOptions } from './focus-options.js';

/**
 * The dataset's input from a run's report, the one place every writer (the
 * laptop, the Lambda, the backfill) gets it from. When reports carry cost
 * centres, pass each session's here as `costCentreOf` and every writer's
 * dataset gains x_CostCentre.
 */
export function focusInputOf(
  run: { readonly report: ChargebackReport; readonly sessions: readonly Session[]; readonly run: RunInfo },
  options: FocusOptions,
): FocusDatasetInput {
  return {
    report: run.report,
    sessions: run.sessions,
    run: run.run,
    account: billingAccountOf(options, run.run),
  };
}
