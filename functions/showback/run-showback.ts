import { journalFileName } from '#core/cost-centres/journal-file-name.js';
import { sliceReport } from '#core/cost-centres/slice-report.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import type { SessionArchives } from '#core/report/session-row-limit.js';
import type { FetchStats, Session } from '#core/session.js';
import { buildShowbackContent } from '#email/build-showback-content.js';
import type { EmailDelivery, RenderedEmail } from '#email/render-chargeback-email.js';
import { renderHtml } from '#email/render-html.js';
import { renderText } from '#email/render-text.js';
import { dropScratch, scratchFile } from '#local/scratch-files.js';
import type { RunLog } from '#pipeline/run-log.js';
import { workbookFileName } from '#workbook/workbook-file-name.js';
import { writeChargebackWorkbook } from '#workbook/write-chargeback-workbook.js';
import { type ShowbackOwner, showbackOwners, sliceName } from './showback-owners.js';

/** A slice workbook written to scratch space, for the delivery to move or upload. */
export interface SliceWorkbook {
  readonly path: string;
  readonly fileName: string;
}

/**
 * Where showback emails go: local previews, or SES guarded by one marker per
 * owner and period so each owner gets exactly one email whatever the retries.
 */
export interface ShowbackDelivery {
  /** 'go' claims the owner's email for this run; 'sent' means an earlier run sent it. */
  begin(
    owner: ShowbackOwner,
  ): Promise<
    { readonly kind: 'go' } | { readonly kind: 'sent' } | { readonly kind: 'busy'; readonly reason: string }
  >;
  store(owner: ShowbackOwner, workbook: SliceWorkbook): Promise<EmailDelivery>;
  send(
    owner: ShowbackOwner,
    email: RenderedEmail,
    workbook: SliceWorkbook,
  ): Promise<{ readonly messageId: string }>;
  /** After a send: record it so no retry sends it again. */
  complete(owner: ShowbackOwner, messageId: string): Promise<void>;
  /** After a failure before or during the send: free the owner for a retry. */
  abandon(owner: ShowbackOwner): Promise<void>;
}

export interface ShowbackOutcome {
  readonly sent: readonly {
    readonly owner: string;
    readonly costCentres: readonly string[];
    readonly messageId: string;
  }[];
  /** Owners an earlier run already emailed for this period: not sent again. */
  readonly alreadySent: readonly string[];
  readonly failed: readonly { readonly owner: string; readonly error: string }[];
}

export interface ShowbackInput {
  readonly report: ChargebackReport;
  readonly sessions: Iterable<Session>;
  readonly run: RunInfo;
  readonly stats: FetchStats;
  /** The run's cap on session rows, for the slice workbooks too; the default when absent. */
  readonly maxSessionRows?: number | undefined;
  /** Where every session is: a capped slice names them. */
  readonly sessionArchives?: SessionArchives | undefined;
  /** The journal file the owners' emails name; the period's record name (…journal.csv) when absent. */
  readonly journalFileName?: string | undefined;
}

/**
 * One email per budget owner with only their slice, after finance's email.
 * An owner that fails is recorded and the others still go; the caller
 * decides what a failure means (the Lambda fails the run so it is retried,
 * and the retry sends only the owners still missing).
 */
export async function runShowback(
  input: ShowbackInput,
  deps: { readonly delivery: ShowbackDelivery; readonly workDir: string; readonly log: RunLog },
): Promise<ShowbackOutcome> {
  const costCentres = input.report.costCentres;
  const outcome: {
    sent: ShowbackOutcome['sent'][number][];
    alreadySent: string[];
    failed: ShowbackOutcome['failed'][number][];
  } = {
    sent: [],
    alreadySent: [],
    failed: [],
  };
  if (costCentres === undefined) return outcome;
  for (const owner of showbackOwners(costCentres)) {
    const claim = await deps.delivery.begin(owner);
    if (claim.kind === 'sent') {
      outcome.alreadySent.push(owner.email);
      continue;
    }
    if (claim.kind === 'busy') {
      outcome.failed.push({ owner: owner.email, error: claim.reason });
      continue;
    }
    const codes = owner.costCentres.map((row) => row.code);
    const fileName = workbookFileName(input.report.period).replace(/\.xlsx$/, `-${sliceName(owner)}.xlsx`);
    const path = scratchFile(deps.workDir, `${input.run.runId}.${owner.email}.${fileName}`);
    let sentId: string | undefined;
    try {
      const slice = sliceReport(input.report, input.sessions, new Set(codes));
      await writeChargebackWorkbook(path, {
        report: slice.report,
        sessions: slice.sessions,
        run: input.run,
        stats: input.stats,
        maxSessionRows: input.maxSessionRows,
        sessionArchives: input.sessionArchives,
      });
      const workbook = { path, fileName };
      const delivery = await deps.delivery.store(owner, workbook);
      const content = buildShowbackContent({
        slice: slice.report,
        costCentres: owner.costCentres,
        run: input.run,
        delivery,
        journal: {
          fileName:
            input.journalFileName ??
            journalFileName(
              workbookFileName(input.report.period).replace(/\.xlsx$/, ''),
              input.report.runStatus,
              costCentres.journal,
            ),
          journalId: costCentres.journal.journalId,
        },
      });
      const email = { subject: content.subject, html: renderHtml(content), text: renderText(content) };
      sentId = (await deps.delivery.send(owner, email, workbook)).messageId;
      await deps.delivery.complete(owner, sentId);
      outcome.sent.push({ owner: owner.email, costCentres: codes, messageId: sentId });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn('showback email failed', { costCentres: codes, error: message });
      // Sent but not recorded: keep the claim, so a retry reports it rather than sending it twice.
      outcome.failed.push({
        owner: owner.email,
        error: sentId === undefined ? message : `sent as ${sentId}, but ${message}`,
      });
      if (sentId === undefined) {
        try {
          await deps.delivery.abandon(owner);
        } catch (releaseError) {
          outcome.failed.push({ owner: owner.email, error: (releaseError as Error).message });
        }
      }
    } finally {
      await dropScratch(path);
    }
  }
  return outcome;
}

/** Thrown after the other owners were served, so the run is retried for the ones that failed. */
export class ShowbackIncompleteError extends Error {
  override readonly name = 'ShowbackIncompleteError';
  readonly outcome: ShowbackOutcome;

  constructor(period: string, outcome: ShowbackOutcome) {
    super(
      `showback for ${period}: ${outcome.failed.length} owner ${outcome.failed.length === 1 ? 'email' : 'emails'} failed (${outcome.failed.map((f) => `${f.owner}: ${f.error}`).join('; ')}); ${outcome.sent.length} sent, ${outcome.alreadySent.length} sent earlier. A retry sends only the failed ones`,
    );
    this.outcome = outcome;
  }
}
