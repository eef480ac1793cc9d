import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CostCentreMap } from '#core/cost-centres/cost-centre-map.js';
import { NO_CREDIT_ACCOUNT } from '#core/cost-centres/credit-accounts.js';
import { journalIdOf } from '#core/cost-centres/journal.js';
import { parseCostCentreMap } from '#core/cost-centres/parse-cost-centre-map.js';
import { ACU_DECIMALS, decimalStringToScaled } from '#core/money/acus.js';
import { summaryDocumentSchema } from '#core/report/summary-document-schema.js';
import { parseSharedCostRule } from '#core/shared-costs/shared-cost-rule.js';
import { type FocusFiles, focusFiles } from '#focus/focus-files.js';
import { focusInputOf } from '#focus/focus-input.js';
import type { FocusOptions } from '#focus/focus-options.js';
import { withCostCentres } from '#pipeline/cost-centre-setup.js';
import type { SpooledSessions } from '#spool/session-spool.js';
import { type RebuiltReport, rebuildReport } from './rebuild-report.js';
import { StoredReportError, spoolSessionsExport } from './stored-sessions.js';

/** One stored run: its summary.json and its raw sessions, wherever they are kept. */
export interface StoredRun {
  /** For messages: the sessions file's path or key. */
  readonly source: string;
  readonly summary: () => Promise<Uint8Array>;
  /** The raw sessions file as a stream of bytes: a month of millions is never read whole. */
  readonly sessions: () => Promise<AsyncIterable<Uint8Array>>;
  /** The cost-centre map the run copied beside its report, if it had one. */
  readonly costCentres: () => Promise<Uint8Array | undefined>;
}

export interface BackfilledPeriod {
  readonly source: string;
  readonly period: string;
  readonly partition: string;
  readonly rows: number;
  /** Where the period's data went (a path or a key). */
  readonly location: string;
}

export interface BackfillOptions {
  readonly focus: FocusOptions;
  readonly now: Date;
  /** Where the runs' sessions are spooled while they are rebuilt; the OS temp folder by default. */
  readonly workDir?: string | undefined;
}

/** A run read and checked: its sessions on disk, what is needed to rebuild its report again. */
interface CheckedRun {
  readonly stored: StoredRun;
  readonly summary: unknown;
  readonly sessions: SpooledSessions;
  readonly map: CostCentreMap | undefined;
  readonly generatedAt: Date;
}

/**
 * Writes the FOCUS partition of every stored run, oldest run first, so when
 * two runs cover one partition (a calendar and a billing-day October) the
 * later one wins, as a rerun would. Every run is rebuilt and checked before
 * anything is written, so a history with one bad run writes nothing.
 *
 * Each run's sessions are streamed into a spool file, and its report is
 * rebuilt twice (to check, then to write) rather than kept: memory holds one
 * run's report at a time however many months the history has.
 */
export async function backfillFocus(
  runs: readonly StoredRun[],
  options: BackfillOptions,
  write: (files: FocusFiles) => Promise<string>,
): Promise<BackfilledPeriod[]> {
  const workDir = await mkdtemp(join(options.workDir ?? tmpdir(), 'backfill-'));
  try {
    const checked: CheckedRun[] = [];
    for (const [index, stored] of runs.entries()) {
      const summary = parseJson(await stored.summary(), `${stored.source} (summary)`);
      const sessions = await spoolSessionsExport(
        await stored.sessions(),
        join(workDir, `run-${index}.spool`),
        stored.source,
      );
      // The same map the run used, so x_CostCentre says what that month's journal said.
      const mapBytes = await stored.costCentres();
      const map =
        mapBytes === undefined
          ? undefined
          : parseCostCentreMap(Buffer.from(mapBytes).toString('utf8'), `${stored.source} (cost-centre map)`);
      const { run } = rebuilt({ stored, summary, sessions, map });
      checked.push({ stored, summary, sessions, map, generatedAt: run.generatedAt });
    }
    checked.sort((a, b) => a.generatedAt.getTime() - b.generatedAt.getTime());
    const done: BackfilledPeriod[] = [];
    for (const one of checked) {
      const { report, run } = rebuilt(one);
      const files = focusFiles(focusInputOf({ report, sessions: one.sessions, run }, options.focus), {
        csv: options.focus.csv,
        now: options.now,
      });
      const location = await write(files);
      done.push({
        source: one.stored.source,
        period: report.period.slug,
        partition: files.layout.partition,
        rows: files.rowCount,
        location,
      });
    }
    return done;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function rebuilt(run: Omit<CheckedRun, 'generatedAt'>): RebuiltReport {
  const { report, run: info } = rebuildReport(run.summary, run.sessions, run.stored.source);
  if (run.map === undefined) return { report, run: info };
  // rebuildReport has parsed it already; the journal's part says how the run shared products.
  const journal = summaryDocumentSchema.parse(run.summary).journal;
  return {
    report: withCostCentres(
      report,
      run.sessions,
      {
        map: run.map,
        creditAccounts: NO_CREDIT_ACCOUNT,
        sharedCosts: parseSharedCostRule(journal?.sharedCosts ?? 'none', 'summary.json journal.sharedCosts'),
      },
      undefined,
      {
        journalId: journal?.journalId ?? journalIdOf(report.period, info.runId),
        // As the run shared them: a month stored before shared products were posted shares none.
        sharedCharges: (journal?.sharedCharges ?? []).map((c) => ({
          product: c.product,
          acus: decimalStringToScaled(c.acus, ACU_DECIMALS),
          costMinor: BigInt(c.costMinor),
        })),
      },
    ),
    run: info,
  };
}

function parseJson(bytes: Uint8Array, source: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch (error) {
    throw new StoredReportError(`${source}: not valid JSON`, { source }, { cause: error });
  }
}
