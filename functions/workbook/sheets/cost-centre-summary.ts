import type { Worksheet } from 'exceljs';
import { formatAcus, formatMoney } from '#core/money/format.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { COUNT_FORMAT, costFormat } from '../cell-formats.js';
import { costCell, textCell } from '../cell-values.js';
import { orgDisplayName } from '../display-names.js';
import { type Fact, writeFacts, writeSection } from '../fact-rows.js';

/** The Summary's cost-centre section: how many are charged, whether the journal balances, and what is Unmapped. */
export function writeCostCentreSummary(sheet: Worksheet, report: ChargebackReport): void {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return;
  if (costCentres.sliceOf !== undefined) {
    writeSection(sheet, 'Cost centres');
    writeFacts(sheet, [
      {
        label: 'This workbook',
        value: textCell(
          `Only ${costCentres.rows.map((row) => `${row.code} ${row.name}`).join(' and ')}: a budget owner's slice of the report`,
        ),
      },
    ]);
    return;
  }
  const { pricing } = report;
  const mapped = costCentres.rows.filter((row) => row.kind === 'mapped');
  const unmapped = costCentres.rows.find((row) => row.kind === 'unmapped');
  const { journal } = costCentres;
  const facts: Fact[] = [
    { label: 'Cost centres charged', value: mapped.length, numFmt: COUNT_FORMAT },
    {
      label: 'Journal',
      value: textCell(
        `Debits ${formatMoney(journal.debitMinor, pricing)} = credits ${formatMoney(journal.creditMinor, pricing)} (${journal.lines.length} lines)`,
      ),
    },
    {
      label: 'Unmapped cost',
      value: costCell(unmapped?.costMinor ?? 0n, pricing),
      numFmt: costFormat(pricing),
    },
    ...costCentres.unmappedOrgs.map(
      (org): Fact => ({
        label: `Unmapped: ${orgDisplayName(org.orgId, org.orgName)}`,
        value: textCell(
          `${org.sessions} ${org.sessions === 1 ? 'session' : 'sessions'}, ${formatAcus(org.acus)} ACUs, ${formatMoney(org.costMinor, pricing)}: add org_id ${org.orgId} to the map`,
        ),
      }),
    ),
    ...journal.blockers.map((blocker): Fact => ({ label: 'Before posting', value: textCell(blocker) })),
  ];
  writeSection(sheet, 'Cost centres');
  writeFacts(sheet, facts);
}
