import { UNATTRIBUTED_CODE } from '#core/cost-centres/cost-centre-map.js';
import { costCentreOfOrg, costCentreOfSession } from '#core/cost-centres/cost-centre-of-session.js';
import { label } from '#core/glossary/glossary.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { Session } from '#core/session.js';
import { textCell } from '../cell-values.js';
import type { TableColumn } from '../table.js';

export const COST_CENTRE_HEADER = 'Cost Centre';

/**
 * The Cost Centre column of a By Org / By User row: the cost centre the row's
 * money went to (the rows split an org by it). No column when the run had no map.
 */
export function chargedCostCentreColumn<Item>(
  report: ChargebackReport,
  codeOf: (item: Item) => string | undefined,
): TableColumn<Item>[] {
  if (report.costCentres === undefined) return [];
  return [{ header: COST_CENTRE_HEADER, width: 14, value: (item) => textCell(codeOf(item) ?? '') }];
}

/**
 * The org's default cost centre, last so that nobody pivots on it by mistake.
 * Not on an owner's slice, which names no cost centre but its own.
 */
export function defaultCostCentreColumn<Item>(
  report: ChargebackReport,
  defaultOf: (item: Item) => string | undefined,
): TableColumn<Item>[] {
  if (report.costCentres === undefined || report.costCentres.sliceOf !== undefined) return [];
  return [
    // As wide as its header, which says what it is and is not: cut, it reads as another cost centre.
    { header: label('defaultCostCentre'), width: 26, value: (item) => textCell(defaultOf(item) ?? '') },
  ];
}

/**
 * How many columns a printout of By Org or By User shows: all but the org's
 * default cost centre (last), which is on screen only. With it, the
 * month-over-month table no longer fits one page wide at 8 pt, and its second
 * page would hold only the one column nobody may pivot on. Undefined: all.
 */
export function printedWithoutDefault<Item>(columns: readonly TableColumn<Item>[]): number | undefined {
  const last = columns.at(-1);
  return last?.header === label('defaultCostCentre') ? columns.length - 1 : undefined;
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

/** Under By Org and By User: what a row is when a map splits orgs by cost centre. */
export function costCentreRowNote(report: ChargebackReport, rows: 'org' | 'user'): string[] {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return [];
  const notes = [
    `One row per ${rows} and cost centre its money went to: a pivot by Cost Centre equals By Cost Centre and the journal.`,
  ];
  if (costCentres.sliceOf === undefined) {
    notes.push(
      `${label('defaultCostCentre')} (the last column, on screen only: it is not printed) is the map's cost centre for the whole org: do not pivot on it.`,
    );
  }
  const moved = costCentres.movedByTag.sessions;
  if (moved > 0 && costCentres.sliceOf === undefined) {
    notes.push(
      `Tag rules charged ${moved.toLocaleString('en-US')} ${moved === 1 ? 'session' : 'sessions'} away from their org's default (see Sessions).`,
    );
  }
  const sharedOut =
    costCentres.orgSplits.some((split) => split.code === UNATTRIBUTED_CODE) &&
    !costCentres.rows.some((row) => row.code === UNATTRIBUTED_CODE);
  if (sharedOut) {
    notes.push(
      `${UNATTRIBUTED_CODE} is the bill's ACUs of no org: By Cost Centre and the journal share it out as Shared products.`,
    );
  }
  if (!costCentres.tagRulesApplied) {
    notes.push(
      "On the billed basis there are no sessions to split by: each org and its users are in the org's cost centre.",
    );
  }
  return notes;
}
