import type { TrueUpLine, TrueUpPeriod } from '#true-ups/true-up.js';
import { ACUS_FORMAT, costFormat, SIGNED_ACUS_FORMAT } from '../cell-formats.js';
import { acusCell, costCell, textCell } from '../cell-values.js';
import { orgDisplayName, userDisplayName } from '../display-names.js';
import { writeFooterNotes } from '../fact-rows.js';
import type { TableColumn } from '../table.js';
import { writeTableSheet } from '../table-sheet.js';
import type { WorkbookSheet } from '../workbook-sheet.js';

export const TRUE_UPS = 'True-ups';

interface Item {
  readonly period: TrueUpPeriod;
  readonly line: TrueUpLine;
}

/**
 * Every session of an earlier closed period whose ACUs changed after its
 * close: one row each, pivot-safe (the period on every row), priced at its own
 * period's price. Written when the run re-read closed periods.
 */
export const trueUpsSheet: WorkbookSheet = {
  name: TRUE_UPS,
  async write(workbook, { report }) {
    const trueUps = report.costCentres?.trueUps;
    if (trueUps === undefined || report.costCentres?.sliceOf !== undefined) return;
    const { pricing } = report;
    const names = new Map(report.orgs.map((org) => [org.orgId, org.orgName]));
    const users = new Map(
      report.orgs.flatMap((org) => org.users.map((user) => [user.userId, user.userName] as const)),
    );
    const items: Item[] = trueUps.periods.flatMap((period) => period.lines.map((line) => ({ period, line })));
    const columns: TableColumn<Item>[] = [
      { header: 'Period', width: 16, value: ({ period }) => textCell(period.period.label) },
      // As wide as the longest ID present (the table fits it to its content): an ID is never cut.
      { header: 'Session ID', width: 60, value: ({ line }) => textCell(line.sessionId) },
      {
        header: 'Org',
        width: 28,
        value: ({ line }) => textCell(orgDisplayName(line.orgId, names.get(line.orgId) ?? null)),
      },
      {
        header: 'User',
        width: 28,
        value: ({ line }) => textCell(userDisplayName(line.userId, users.get(line.userId) ?? null)),
      },
      { header: 'Cost Centre', width: 14, value: ({ line }) => textCell(line.costCentre) },
      {
        header: 'ACUs at close',
        width: 14,
        numFmt: ACUS_FORMAT,
        value: ({ line }) => acusCell(line.acusAtClose),
      },
      { header: 'ACUs now', width: 14, numFmt: ACUS_FORMAT, value: ({ line }) => acusCell(line.acusNow) },
      {
        header: 'Change (ACUs)',
        width: 15,
        numFmt: SIGNED_ACUS_FORMAT,
        value: ({ line }) => acusCell(line.changeAcus),
        total: acusCell(trueUps.acus),
      },
      {
        header: 'Change (Cost)',
        width: 15,
        numFmt: costFormat(pricing),
        value: ({ line }) => costCell(line.changeCostMinor, pricing),
        total: costCell(trueUps.costMinor, pricing),
      },
    ];
    await writeTableSheet(workbook, {
      name: TRUE_UPS,
      report,
      columns,
      items,
      totalLabel: 'Total',
      footer: (sheet) =>
        writeFooterNotes(sheet, [
          ...trueUps.periods.map(
            (q) =>
              `${q.period.label}: closed ${q.closedAt.toISOString()}; sessions created in it and updated since, re-read and compared with its close record, priced at ${q.pricing.unitPriceText} ${q.pricing.currency} an ACU and charged by its own cost-centre map.`,
          ),
          'A session missing from the close record counts whole (ACUs at close 0). The journal posts one true-up line per cost centre per period.',
        ]),
    });
  },
};
