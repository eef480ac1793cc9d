import { costCentreOfOrg, costCentreOfSession } from '../../core/cost-centres/cost-centre-of-session.js';
import type { ChargebackReport } from '../../core/report/chargeback-report.js';
import type { Session } from '../../core/session.js';
import { textCell } from '../cell-values.js';
import type { TableColumn } from '../table.js';

export const COST_CENTRE_HEADER = 'Cost Centre';

/**
 * The Cost Centre column of a row keyed by org (By Org, By User): the org
 * rule's code, or Unmapped. No column when the run had no map.
 */
export function orgCostCentreColumn<Item>(
  report: ChargebackReport,
  orgIdOf: (item: Item) => string,
): TableColumn<Item>[] {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return [];
  return [
    {
      header: COST_CENTRE_HEADER,
      // Room for two codes: an owner's slice may hold one org in two of its cost centres.
      width: 16,
      value: (item) =>
        textCell(
          costCentres.orgCodes?.get(orgIdOf(item)) ?? costCentreOfOrg(costCentres.map, orgIdOf(item)).code,
        ),
    },
  ];
}

/** The Sessions sheet's Cost Centre: the session's own (a tag rule may move it off its org's). */
export function sessionCostCentreColumn<Item>(
  report: ChargebackReport,
  sessionOf: (item: Item) => Session,
): TableColumn<Item>[] {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return [];
  const { map } = costCentres;
  const ofSession = costCentres.tagRulesApplied
    ? (session: Session) => costCentreOfSession(map, session).code
    : (session: Session) => costCentreOfOrg(map, session.orgId).code;
  return [{ header: COST_CENTRE_HEADER, width: 14, value: (item) => textCell(ofSession(sessionOf(item))) }];
}

/** Under By Org and By User: why a row's Cost Centre may not hold all of its cost. */
export function costCentreRowNote(report: ChargebackReport): string[] {
  const moved = report.costCentres?.movedByTag.sessions ?? 0;
  if (moved === 0) return [];
  return [
    `Cost Centre is the org's; ${moved} ${moved === 1 ? 'session was' : 'sessions were'} charged to another cost centre by a tag rule (see the Sessions sheet's Cost Centre and By Cost Centre).`,
  ];
}
