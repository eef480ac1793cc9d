import { gunzipSync } from 'node:zlib';
import { NO_CREDIT_ACCOUNT } from '../core/cost-centres/credit-accounts.js';
import { parseCostCentreMap } from '../core/cost-centres/parse-cost-centre-map.js';
import { type FocusFiles, focusFiles } from '../focus/focus-files.js';
import { focusInputOf } from '../focus/focus-input.js';
import type { FocusOptions } from '../focus/focus-options.js';
import { withCostCentres } from '../pipeline/cost-centre-setup.js';
import { rebuildReport } from './rebuild-report.js';
import { StoredReportError, sessionsFromExport } from './stored-sessions.js';

/** One stored run: its summary.json and its raw sessions, wherever they are kept. */
export interface StoredRun {
  /** For messages: the sessions file's path or key. */
  readonly source: string;
  readonly summary: () => Promise<Uint8Array>;
  readonly sessions: () => Promise<Uint8Array>;
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

/**
 * Writes the FOCUS partition of every stored run, oldest run first, so when
 * two runs cover one partition (a calendar and a billing-day October) the
 * later one wins, as a rerun would. Every run is rebuilt and checked before
 * anything is written, so a history with one bad run writes nothing.
 */
export async function backfillFocus(
  runs: readonly StoredRun[],
  options: { readonly focus: FocusOptions; readonly now: Date },
  write: (files: FocusFiles) => Promise<string>,
): Promise<BackfilledPeriod[]> {
  const rebuilt = [];
  for (const stored of runs) {
    const summary = parseJson(await stored.summary(), `${stored.source} (summary)`);
    const sessions = sessionsFromExport(
      parseJson(gunzipIfNeeded(await stored.sessions()), stored.source),
      stored.source,
    );
    const { report, run } = rebuildReport(summary, sessions, stored.source);
    // The same map the run used, so x_CostCentre says what that month's journal said.
    const mapBytes = await stored.costCentres();
    const map =
      mapBytes === undefined
        ? undefined
        : parseCostCentreMap(Buffer.from(mapBytes).toString('utf8'), `${stored.source} (cost-centre map)`);
    const withMap =
      map === undefined
        ? report
        : withCostCentres(report, sessions, { map, creditAccounts: NO_CREDIT_ACCOUNT }, undefined);
    rebuilt.push({ stored, sessions, report: withMap, run });
  }
  rebuilt.sort((a, b) => a.run.generatedAt.getTime() - b.run.generatedAt.getTime());
  const done: BackfilledPeriod[] = [];
  for (const { stored, sessions, report, run } of rebuilt) {
    const files = focusFiles(focusInputOf({ report, sessions, run }, options.focus), {
      csv: options.focus.csv,
      now: options.now,
    });
    const location = await write(files);
    done.push({
      source: stored.source,
      period: report.period.slug,
      partition: files.layout.partition,
      rows: files.rowCount,
      location,
    });
  }
  return done;
}

function parseJson(bytes: Uint8Array, source: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch (error) {
    throw new StoredReportError(`${source}: not valid JSON`, { source }, { cause: error });
  }
}

/** The sessions file is gzip; accept it already decoded too (a proxy may have undone Content-Encoding). */
function gunzipIfNeeded(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}
