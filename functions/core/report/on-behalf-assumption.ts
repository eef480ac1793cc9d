import type { ChargebackReport } from './chargeback-report.js';

/**
 * The rule the per-user split of the v3 bill rests on, which the vendor's docs never state: a
 * session a service user created on a person's behalf (`create_as_user_id`) is in both bills
 * (the SDK: the per-service-user figure covers "sessions created by the given service user";
 * the docs: such sessions "count toward [that user's] usage"), so the report takes it out of
 * the service user's figure. What follows if that is wrong is said with it.
 */
export const ON_BEHALF_ASSUMPTION =
  "Assumed, as the vendor's docs do not say: a session a service user created on a person's behalf is in both the person's and the service user's billed figures, so it is charged to the person and taken out of the service user's. " +
  "If the vendor already leaves it out of the service user's figure, that service user's billed ACUs here are too low by those sessions and the user table's Unattributed line holds them; the billed total and the orgs are unaffected. A service user billed less than its on-behalf sessions keeps its figure as billed, with a warning.";

/** The assumption, when the report has a per-user bill that can hold service users (v3); else null. */
export function onBehalfAssumption(
  report: Pick<ChargebackReport, 'names' | 'reconciliation'>,
): string | null {
  if (report.names.serviceUsers === undefined) return null;
  const status = report.reconciliation;
  return status.available && status.reconciliation.users !== null ? ON_BEHALF_ASSUMPTION : null;
}
