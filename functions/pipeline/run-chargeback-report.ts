import type { ClosedPeriod } from '#close/close-period.js';
import { RECORD_FILES, runFilesBase } from '#close/run-files.js';
import { journalIdOf } from '#core/cost-centres/journal.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import {
  reportSessionCoverage,
  type SessionArchives,
  type WorkbookSessionCoverage,
} from '#core/report/session-row-limit.js';
import type { FetchStats } from '#core/session.js';
import type { SessionList } from '#core/session-list.js';
import type {
  DevinClient,
  FetchedSessions,
  FetchProgress,
  FetchSessionsOptions,
  SessionQuery,
} from '#devin/client/devin-client.js';
import { renderChargebackEmail } from '#email/render-chargeback-email.js';
import { dropScratch, removeLeftovers, scratchFile } from '#local/scratch-files.js';
import { readTrueUps } from '#true-ups/read-true-ups.js';
import { writeChargebackWorkbook } from '#workbook/write-chargeback-workbook.js';
import { GENERATOR } from '../generator.js';
import { buildJournalFormats } from './build-journal-formats.js';
import { withCostCentres } from './cost-centre-setup.js';
import { readBilling } from './read-billing.js';
import { readDirectory } from './read-directory.js';
import { readPreviousSummary } from './read-previous-summary.js';
import { readSummaryHistory } from './read-summary-history.js';
import { renderChartsOrNone } from './render-charts.js';
import { NO_JOURNAL_FORMATS, type ReportArtifacts } from './report-artifacts.js';
import type { ReportDelivery, SentEmail, StoredReport } from './report-delivery.js';
import type { ReportRequest } from './report-request.js';
import type { RunLog } from './run-log.js';
import { inStage, type ReportStage, ReportStageError } from './stage-error.js';
import { verifiedSummaries } from './verified-summaries.js';

export interface PipelineDeps<Stored extends StoredReport, Sent extends SentEmail> {
  readonly devin: DevinClient;
  readonly delivery: ReportDelivery<Stored, Sent>;
  readonly source: RunInfo['source'];
  readonly runId: string;
  readonly now: () => Date;
  /** Scratch folder for the workbook while it is being written. */
  readonly workDir: string;
  readonly log: RunLog;
  readonly onProgress?: (progress: FetchProgress) => void;
  /**
   * Where the period's sessions come from; by default `devin.fetchSessions`. The distributed
   * path's merge step reads the windows' parts instead.
   */
  readonly readSessions?: (query: SessionQuery, options: FetchSessionsOptions) => Promise<FetchedSessions>;
}

/** What the run produced; `stored` and `sent` are the delivery's own, so each entry reads what it needs. */
export interface ReportOutcome<Stored extends StoredReport, Sent extends SentEmail> {
  readonly report: ChargebackReport;
  readonly run: RunInfo;
  readonly stats: FetchStats;
  /** How many sessions the workbook lists, and whether that is all of them. */
  readonly sessionCoverage: WorkbookSessionCoverage;
  /** Where every session is, whatever the workbook lists. */
  readonly sessionArchives: SessionArchives;
  /** The sessions the report was built from (same order as its sessionCostMinor), for showback slices. */
  readonly sessions: SessionList;
  readonly stored: Stored;
  /** The period's close record, when the run closed it (`written` false: a concurrent close won). */
  readonly closed: ClosedPeriod | null;
  /** Null when the request asked for no email. */
  readonly sent: Sent | null;
  readonly durationsMs: Readonly<Partial<Record<ReportStage, number>>>;
  /** Removes the run's session spool; `sessions` cannot be read afterwards. */
  readonly release: () => Promise<void>;
}

/**
 * The report pipeline, identical for `npm start`, `npm run report` and the
 * Lambda: read → aggregate → write the workbook → store → email. Each step
 * runs only when every earlier one succeeded, so no email ever describes a
 * report built on incomplete data or one that was not stored.
 */
export async function runChargebackReport<Stored extends StoredReport, Sent extends SentEmail>(
  deps: PipelineDeps<Stored, Sent>,
  request: ReportRequest,
): Promise<ReportOutcome<Stored, Sent>> {
  const durationsMs: Partial<Record<ReportStage, number>> = {};
  const timed = async <T>(stage: ReportStage, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await inStage(stage, work);
    durationsMs[stage] = Math.round(performance.now() - started);
    deps.log.info(`${stage}: done`, { stage, durationMs: durationsMs[stage] });
    return result;
  };
  const { period } = request;
  deps.log.info('report run started', { runId: deps.runId, period: period.slug, timeZone: period.timeZone });

  // What killed runs left in the scratch folder goes first: a spool is ~290 bytes a session.
  const leftovers = await removeLeftovers(deps.workDir);
  if (leftovers.length > 0) deps.log.warn('removed what interrupted runs left', { files: leftovers });
  // The run's own name: concurrent runs never share a spool. A failed run removes it; a finished
  // one leaves it to `release`, after the showback slices have read it too.
  const spoolPath = scratchFile(deps.workDir, `${deps.runId}.sessions.spool`);
  const release = () => dropScratch(spoolPath);
  try {
    return { ...(await runOnSpool(deps, request, spoolPath, timed, durationsMs)), release };
  } catch (error) {
    await release();
    throw error;
  }
}

async function runOnSpool<Stored extends StoredReport, Sent extends SentEmail>(
  deps: PipelineDeps<Stored, Sent>,
  request: ReportRequest,
  spoolPath: string,
  timed: <T>(stage: ReportStage, work: () => Promise<T> | T) => Promise<T>,
  durationsMs: Partial<Record<ReportStage, number>>,
): Promise<Omit<ReportOutcome<Stored, Sent>, 'release'>> {
  const { period, pricing, filters } = request;
  const readSessions = deps.readSessions ?? ((query, options) => deps.devin.fetchSessions(query, options));
  const [fetched, directory] = await timed('fetch sessions', () =>
    Promise.all([
      readSessions(
        { from: period.from, to: period.to, ...filters },
        { spoolPath, ...(deps.onProgress && { onProgress: deps.onProgress }) },
      ),
      readDirectory(deps.devin),
    ]),
  );
  // A close compares with earlier closes' summaries as they were closed, verified (finding 7).
  const summaries =
    request.runStatus === 'closed' && request.trueUps
      ? verifiedSummaries(deps.delivery, request.trueUps.read)
      : deps.delivery;
  // Only once the sessions are in: a failed read must end the run, not wait on the bill's retries.
  const [billing, previous, history] = await timed('fetch billing', () =>
    Promise.all([
      readBilling(deps.devin, period, filters, fetched.sessions),
      readPreviousSummary(summaries, period, request.cycles, filters),
      readSummaryHistory(summaries, period, request.cycles, filters),
    ]),
  );
  if (!billing.billed.available) deps.log.warn(`reconciliation unavailable: ${billing.billed.reason}`);
  // Only a close posts true-ups, and only with a map to charge them by (the journal).
  const trueUpSource = request.runStatus === 'closed' && request.costCentres ? request.trueUps : undefined;
  const trueUps =
    trueUpSource === undefined || trueUpSource.months === 0
      ? undefined
      : await timed('read true-ups', () =>
          readTrueUps({
            devin: deps.devin,
            read: trueUpSource.read,
            period,
            pricing,
            months: trueUpSource.months,
            cycles: request.cycles,
          }),
        );
  deps.log.info('sessions read', { ...fetched.stats, sessions: fetched.sessions.count });

  const built = await timed('build report', () =>
    withCostCentres(
      buildChargebackReport({
        period,
        pricing,
        sessions: fetched.sessions,
        directory,
        costBasis: request.costBasis,
        billed: billing.billed,
        carriedIn: billing.carriedIn,
        edges: billing.edges,
        previous,
      }),
      fetched.sessions,
      request.costCentres,
      previous,
      { journalId: journalIdOf(period, deps.runId), trueUps },
    ),
  );
  const report = { ...built, runStatus: request.runStatus };
  const charts = await timed('render charts', () => renderChartsOrNone(report, history, deps.log));
  const run: RunInfo = {
    runId: deps.runId,
    generatedAt: deps.now(),
    generator: GENERATOR,
    apiHost: deps.devin.host,
    source: deps.source,
    filters,
    ...(deps.devin.keyNotice !== undefined && { notices: [deps.devin.keyNotice] }),
  };

  const sessionCoverage = reportSessionCoverage(report, request.maxSessionRows);
  const sessionArchives = deps.delivery.sessionArchives(period);
  if (sessionCoverage.capped) {
    deps.log.warn('the workbook lists only some sessions', { ...sessionCoverage, ...sessionArchives });
  }
  const filesBase = runFilesBase(period.slug, request.files ?? RECORD_FILES);
  const fileName = `${filesBase}.xlsx`;
  // Built before anything is stored: a bad mapping is known before a file of any format exists.
  const journalFormats = await timed('build journal formats', () =>
    buildJournalFormats(report, request.costCentres?.journalFormats, {
      runId: run.runId,
      generatedAt: run.generatedAt,
      filesBase,
    }),
  );
  // The run id keeps concurrent runs apart; the suffix keeps a half-written file from looking final.
  const workbookPath = scratchFile(deps.workDir, `${deps.runId}.${fileName}`);
  try {
    await timed('write workbook', () =>
      writeChargebackWorkbook(workbookPath, {
        report,
        sessions: fetched.sessions,
        run,
        stats: fetched.stats,
        charts,
        maxSessionRows: sessionCoverage.maxSessionRows,
        sessionArchives,
      }),
    );
    const artifacts: ReportArtifacts = {
      report,
      sessions: fetched.sessions,
      stats: fetched.stats,
      run,
      workbookPath,
      workbookFileName: fileName,
      files: request.files ?? RECORD_FILES,
      journalFormats: journalFormats.kind === 'built' ? journalFormats.formats : NO_JOURNAL_FORMATS,
    };
    const stored = await timed('store report', () => deps.delivery.store(artifacts));
    // The generic journal and the rest are stored; a refused format ends the run before the
    // close and the email, so the period stays open until the mapping is fixed and the run repeated.
    if (journalFormats.kind === 'refused')
      throw new ReportStageError('build journal formats', journalFormats.error);
    const send = async (): Promise<Sent | null> => {
      if (!request.email) return null;
      const email = renderChargebackEmail({
        report,
        run,
        delivery: {
          ...stored.email,
          journalFiles: (stored.files.journalFormats ?? []).map((f) => f.key),
        },
        charts,
        sessions: { coverage: sessionCoverage, archives: sessionArchives },
      });
      return timed('send email', () => deps.delivery.send(email, artifacts, stored));
    };
    // A preview file goes before the record, so the record is the close's last write.
    const previewed = deps.delivery.emailIsAFile === true ? await send() : null;
    // The record comes after every artifact and before the email: what finance is told was closed is.
    const closed =
      request.runStatus === 'closed'
        ? await timed('close period', () => deps.delivery.close(artifacts, stored))
        : null;
    const sent: Sent | null = deps.delivery.emailIsAFile === true ? previewed : await send();
    deps.log.info('report run finished', {
      runId: deps.runId,
      period: period.slug,
      sessions: report.totals.sessions,
      durationsMs,
    });
    return {
      report,
      run,
      stats: fetched.stats,
      sessionCoverage,
      sessionArchives,
      sessions: fetched.sessions,
      stored,
      closed,
      sent,
      durationsMs,
    };
  } finally {
    // Renamed into place by `store`, or half-written by a failed run: either way gone now.
    await dropScratch(workbookPath);
  }
}
