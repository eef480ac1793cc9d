import { journalFileName } from '#core/cost-centres/journal-file-name.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { parseErpMapping } from '#journal-formats/erp-mapping.js';
import { journalFormatFiles } from '#journal-formats/journal-format-files.js';
import { shortReferenceOf } from '#journal-formats/journal-reference.js';
import type { JournalFormatRequest } from './cost-centre-setup.js';
import { type JournalFormatFiles, NO_JOURNAL_FORMATS } from './report-artifacts.js';

/** Either the files, or why the formats cannot be built: the run still stores the generic journal, then fails. */
export type JournalFormatsOutcome =
  | { readonly kind: 'built'; readonly formats: JournalFormatFiles }
  | { readonly kind: 'refused'; readonly error: unknown };

/**
 * The format files of a run, in memory, named after its generic journal
 * (`<base>.journal[.PRELIMINARY|.DRAFT].<format>[.<entity>].csv`), so each
 * says what the journal beside it says; a bad mapping refuses them all.
 */
export async function buildJournalFormats(
  report: ChargebackReport,
  request: JournalFormatRequest | undefined,
  run: { readonly runId: string; readonly generatedAt: Date; readonly filesBase: string },
): Promise<JournalFormatsOutcome> {
  const journal = report.costCentres?.journal;
  if (request === undefined || request.formats.length === 0 || journal === undefined) {
    return { kind: 'built', formats: NO_JOURNAL_FORMATS };
  }
  try {
    const mapping = parseErpMapping(request.mappingText);
    const files = await journalFormatFiles(request.formats, {
      journal,
      mapping,
      shortReference: shortReferenceOf(report.period.slug, run.runId),
      minorDigits: report.pricing.minorDigits,
      baseName: journalFileName(run.filesBase, report.runStatus, journal).replace(/\.csv$/, ''),
      createdOn: run.generatedAt.toISOString().slice(0, 10),
    });
    return { kind: 'built', formats: { files, mapping } };
  } catch (error) {
    return { kind: 'refused', error };
  }
}
