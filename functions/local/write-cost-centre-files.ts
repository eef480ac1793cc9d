import { join } from 'node:path';
import { journalCsv } from '../core/cost-centres/journal-csv.js';
import { journalFileName } from '../core/cost-centres/journal-file-name.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import { writeFileAtomically } from './write-file-atomically.js';

export interface CostCentreFiles {
  readonly journalPath: string;
  /** The map the report was built with, copied so a rerun months later can use the same one. */
  readonly costCentresPath: string;
}

/** `<base>.journal.csv` (`.journal.PRELIMINARY.csv` for a preliminary run) and `<base>.cost-centres.csv` beside the workbook; nothing without a map. */
export async function writeCostCentreFiles(
  outDir: string,
  baseName: string,
  report: ChargebackReport,
): Promise<CostCentreFiles | undefined> {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return undefined;
  const journalPath = join(outDir, journalFileName(baseName, report.runStatus, costCentres.journal));
  const costCentresPath = join(outDir, `${baseName}.cost-centres.csv`);
  await writeFileAtomically(journalPath, journalCsv(costCentres.journal, report.pricing));
  await writeFileAtomically(costCentresPath, costCentres.map.text);
  return { journalPath, costCentresPath };
}
