import { UNATTRIBUTED_CODE } from '#core/cost-centres/cost-centre-map.js';
import { costCentreOfOrg, costCentreOfSession } from '#core/cost-centres/cost-centre-of-session.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import { UNATTRIBUTED_ORG_ID } from '#core/report/unattributed.js';
import type { Session } from '#core/session.js';
import { billingAccountOf } from './billing-account.js';
import type { FocusDatasetInput } from './build-focus-rows.js';
import type { FocusOptions } from './focus-options.js';

/**
 * The dataset's input from a run's report, the one place every writer (the
 * laptop, the Lambda, the backfill) gets it from. A report with cost centres
 * gives every session row its x_CostCentre: the session's own (tag rules
 * first) on the sessions basis, its org's on the billed basis, as the journal
 * charges them.
 */
export function focusInputOf(
  run: { readonly report: ChargebackReport; readonly sessions: Iterable<Session>; readonly run: RunInfo },
  options: FocusOptions,
): FocusDatasetInput {
  return {
    report: run.report,
    sessions: run.sessions,
    run: run.run,
    account: billingAccountOf(options, run.run),
    ...costCentreLookups(run.report),
  };
}

/** As the journal charges them: Unattributed billed ACUs stay Unattributed unless the map names a row for them. */
function costCentreLookups(
  report: ChargebackReport,
): Pick<FocusDatasetInput, 'costCentreOf' | 'costCentreOfOrg'> {
  const map = report.costCentres?.map;
  if (map === undefined) return {};
  const ofOrg = (orgId: string) =>
    orgId === UNATTRIBUTED_ORG_ID && !map.orgRules.has(orgId)
      ? UNATTRIBUTED_CODE
      : costCentreOfOrg(map, orgId).code;
  return {
    costCentreOf:
      report.costBasis === 'billed'
        ? (session) => ofOrg(session.orgId)
        : (session) => costCentreOfSession(map, session).code,
    costCentreOfOrg: ofOrg,
  };
}
