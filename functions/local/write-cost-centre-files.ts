import { join } from 'node:path';
import type { StoredJournalFormat } from '../close/close-period.js';
import { journalCsv } from '../core/cost-centres/journal-csv.js';
import { journalFileName } from '../core/cost-centres/journal-file-name.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import type { JournalFormatFiles } from '../pipeline/report-artifacts.js';
import { writeFileAtomically } from './write-file-atomically.js';

export interface CostCentreFiles {
  readonly journalPath: string;
  /** The map the report was built with, copied so a rerun months later can use the same one. */
  readonly costCentresPath: string;
  /** `<base>.erp-mapping.csv`, the mapping the journal formats were built with; absent without a format. */
  readonly erpMappingPath?: string | undefined;
  /** Each journal-format file, beside the generic journal under its own name. */
  readonly journalFormats: readonly StoredJournalFormat[];
}

/**
 * `<base>.journal.csv` (`.journal.PRELIMINARY.csv` for a preliminary run), `<base>.cost-centres.csv`
 * and each journal-format file (with `<base>.erp-mapping.csv`) beside the workbook; nothing without a map.
 */
export async function writeCostCentreFiles(
  outDir: string,
  baseName: string,
  report: ChargebackReport,
  formats: JournalFormatFiles,
): Promise<CostCentreFiles | undefined> {
  const costCentres = report.costCentres;
  if (costCentres === undefined) return undefined;
  const journalPath = join(outDir, journalFileName(baseName, report.runStatus, costCentres.journal));
  const costCentresPath = join(outDir, `${baseName}.cost-centres.csv`);
  await writeFileAtomically(journalPath, journalCsv(costCentres.journal, report.pricing));
  await writeFileAtomically(costCentresPath, costCentres.map.text);
  const journalFormats: StoredJournalFormat[] = [];
  for (const file of formats.files) {
    const key = join(outDir, file.fileName);
    await writeFileAtomically(key, file.body);
    journalFormats.push({ format: file.format, entity: file.entity, key });
  }
  const erpMappingPath =
    formats.mapping !== undefined && formats.files.length > 0
      ? join(outDir, `${baseName}.erp-mapping.csv`)
      : undefined;
  if (erpMappingPath !== undefined) await writeFileAtomically(erpMappingPath, formats.mapping?.text ?? '');
  return { journalPath, costCentresPath, erpMappingPath, journalFormats };
}
