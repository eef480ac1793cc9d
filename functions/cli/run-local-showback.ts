import type { LocalEmailPreview, LocalStoredReport } from '#local/local-delivery.js';
import { createLocalShowback } from '#local/local-showback.js';
import type { ReportOutcome } from '#pipeline/run-chargeback-report.js';
import type { RunLog } from '#pipeline/run-log.js';
import { runShowback, ShowbackIncompleteError } from '#showback/run-showback.js';
import type { LocalRun } from './run-output.js';

/** Each budget owner's preview beside the report; a preview that cannot be written fails the command. */
export async function localShowback(
  outcome: ReportOutcome<LocalStoredReport, LocalEmailPreview>,
  outDir: string,
  now: () => Date,
  log: RunLog,
): Promise<NonNullable<LocalRun['showback']>> {
  const baseName = outcome.stored.workbookPath.replace(/^.*[\\/]/, '').replace(/\.xlsx$/, '');
  const delivery = createLocalShowback({
    outDir,
    baseName,
    previewFrom: 'Devin chargeback <devin-chargeback@example.com>',
    now,
  });
  const result = await runShowback(
    {
      ...outcome,
      maxSessionRows: outcome.sessionCoverage.maxSessionRows,
      // The journal this run wrote (a preview's or a slice's too), named in each owner's email.
      journalFileName: outcome.stored.files.journal?.replace(/^.*[\\/]/, ''),
    },
    { delivery, workDir: outDir, log },
  );
  if (result.failed.length > 0) throw new ShowbackIncompleteError(outcome.report.period.label, result);
  return result.sent.map((sent) => ({
    owner: sent.owner,
    costCentres: sent.costCentres,
    emailHtml: sent.messageId.replace(/\.eml$/, '.email.html'),
  }));
}
