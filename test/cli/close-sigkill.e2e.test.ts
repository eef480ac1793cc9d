// Issue 27, "Tests": a real `npm run report -- --close` process SIGKILLed at 30 random points
// spread over a whole close, each followed at once by a re-run of the same close. The re-run
// exits 0 with the figures of an uninterrupted close; the folder then holds exactly what an
// uninterrupted close leaves (one record, whose SHA-256s are its files; no spool, `.partial`,
// claim or lock file); and the files whose content does not depend on the run are the same.
// A kill after the record is the hardest case (the preview email and chart come before the
// record, the re-run removes the dead claim and scratch files): the last test aims at it.
// The killed runs are children of the built CLI; the re-runs are the CLI's entry in process.
// CLOSE_SIGKILL_SEED=<n> replays one draw of kill points; every failure names its seed.

import { createHash, randomInt } from 'node:crypto';
import { watch } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCli } from '#cli/run-report-cli.js';
import { type CloseRecord, parseCloseRecord } from '#close/close-record.js';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { duckdb, sqlText } from '../focus/read-parquet.js';
import { type BuiltReportCli, buildReportCli, type ChildRun, finished } from '../support/built-report-cli.js';

const KEY = 'cog_close_sigkill_service_user_secret_5d2e';
const KILLS = 30;
/** Kills and re-runs at once, one a core: the whole file in about a minute on 2 cores. */
const LANES = 2;
const SEED = Number(process.env.CLOSE_SIGKILL_SEED ?? randomInt(2 ** 31));
const CLOSE = ['--acu-price', '2.25', '--month', '2026-10', '--close', '--json'];
const BASE = 'devin-acu-chargeback-2026-10';

let api: FakeDevinApi;
let cli: BuiltReportCli;
let db: Awaited<ReturnType<typeof duckdb>>;
const folders: string[] = [];
const env = () => ({ DEVIN_API_KEY: KEY, DEVIN_API_URL: api.url });

/** What a close leaves that does not depend on which run made it. */
interface CloseOutcome {
  /** The CLI's `--json` figures. */
  readonly figures: unknown;
  /** Every file and folder under the output folder, sorted. */
  readonly listing: readonly string[];
  readonly record: CloseRecord;
  /** The record's figures (totals, unsettled sessions, pricing, period) and which files it names. */
  readonly recordFigures: unknown;
  /** Per file: its content with the run's id and time taken out, or its SHA-256. */
  readonly content: Readonly<Record<string, string>>;
  /** Artifacts whose stored SHA-256 is not their file's. */
  readonly mismatched: readonly string[];
}

async function freshFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'close-sigkill-'));
  folders.push(folder);
  return folder;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function outcomeIn(folder: string, stdout: string): Promise<CloseOutcome> {
  const json = JSON.parse(stdout) as Record<string, unknown>;
  const { sessions, acus, cost, currency, unsettled, closed, period } = json;
  const listing = ((await readdir(folder, { recursive: true })) as string[]).sort();
  const record = parseCloseRecord(
    JSON.parse(await readFile(join(folder, `${BASE}.close.json`), 'utf8')),
    'close',
  );
  const mismatched: string[] = [];
  for (const artifact of Object.values(record.artifacts)) {
    const bytes = await readFile(join(folder, artifact.key)).catch(() => Buffer.alloc(0));
    if (sha256(bytes) !== artifact.sha256) mismatched.push(artifact.key);
  }
  const summary = JSON.parse(await readFile(join(folder, `${BASE}.summary.json`), 'utf8')) as {
    run: { runId: string; generatedAt?: string };
  };
  const summaryRun = summary.run.runId;
  delete summary.run.generatedAt;
  summary.run.runId = summaryRun === record.runId ? '<the record’s run>' : summaryRun;
  const parquet = join(folder, record.artifacts.focus?.key ?? 'no FOCUS file');
  const rows = await db.rows(
    `SELECT * REPLACE (CASE WHEN x_RunId = ${sqlText(record.runId)} THEN '<the record’s run>' ELSE x_RunId END AS x_RunId)
     FROM ${sqlText(parquet)} ORDER BY ALL`,
  );
  return {
    figures: { sessions, acus, cost, currency, unsettled, closed, period },
    listing,
    record,
    recordFigures: {
      period: record.period,
      pricing: record.pricing,
      costBasis: record.costBasis,
      totals: record.totals,
      unsettled: record.unsettled,
      artifacts: Object.keys(record.artifacts).sort(),
    },
    content: {
      summary: JSON.stringify(summary),
      sessions: sha256(await readFile(join(folder, record.artifacts.sessions.key))),
      chart: await readFile(join(folder, `${BASE}.cost-by-org.png`)).then(sha256, () => 'missing'),
      focus: JSON.stringify(rows),
    },
    mismatched,
  };
}

/** Starts the close as a child, SIGKILLs it at `killAt` (after `ms`, or once `file` appears). */
async function killClose(folder: string, killAt: { ms: number } | { file: string }): Promise<ChildRun> {
  const child = cli.start(['--out', folder, ...CLOSE], env());
  const kill = () => child.kill('SIGKILL');
  if ('ms' in killAt) {
    const timer = setTimeout(kill, killAt.ms);
    return finished(child).finally(() => clearTimeout(timer));
  }
  const watcher = watch(folder, (_, name) => {
    if (name === killAt.file) kill();
  });
  return finished(child).finally(() => watcher.close());
}

/** The same close again at once, through the CLI's entry in this process. */
async function rerun(folder: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runReportCli('api', ['--out', folder, ...CLOSE], {
    env: env(),
    now: () => new Date(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const listed = async (folder: string) => ((await readdir(folder, { recursive: true })) as string[]).sort();

/** One kill point in each of `count` equal slices of `[0, durationMs)`, shuffled; mulberry32 from `seed`. */
function killPoints(seed: number, count: number, durationMs: number): number[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const points = Array.from({ length: count }, (_, i) => Math.round(((i + next()) / count) * durationMs));
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [points[i], points[j]] = [points[j] ?? 0, points[i] ?? 0];
  }
  return points;
}

let uninterrupted: CloseOutcome;
let closeMs: number;

describe('a close SIGKILLed at random points', () => {
  beforeAll(async () => {
    api = await startFakeDevinApi({
      apiKey: KEY,
      data: generateDataset({
        seed: 31,
        sessions: 30,
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
      }),
    });
    [cli, db] = await Promise.all([buildReportCli(), duckdb()]);
    // One close first, uninterrupted, as a child: the figures every re-run must give, and the
    // length of a close (the kill points spread over it).
    // As many at once as the kills run in lanes below, so the length is the one the kills see.
    const runs = await Promise.all(
      Array.from({ length: LANES }, async () => {
        const folder = await freshFolder();
        const started = performance.now();
        const run = await finished(cli.start(['--out', folder, ...CLOSE], env()));
        if (run.code !== 0) throw new Error(`the uninterrupted close failed (${run.code}): ${run.stderr}`);
        return { folder, run, ms: performance.now() - started };
      }),
    );
    closeMs = runs.reduce((sum, { ms }) => sum + ms, 0) / runs.length;
    const [first] = runs;
    if (first === undefined) throw new Error('no uninterrupted close');
    uninterrupted = await outcomeIn(first.folder, first.run.stdout);
  }, 60_000);

  afterAll(async () => {
    db?.close();
    await api?.close();
    await cli?.remove();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it(`re-runs each of ${KILLS} closes killed anywhere to the figures and files of an uninterrupted one`, async () => {
    expect(uninterrupted.mismatched).toEqual([]);
    expect(uninterrupted.listing.filter((name) => /\.(partial|spool|claim|takeover)$/.test(name))).toEqual(
      [],
    );
    let kills = 0;
    let failed: unknown;
    const killAndRerun = async (killAfterMs: number, label: string) => {
      const folder = await freshFolder();
      const killed = await killClose(folder, { ms: killAfterMs });
      if (killed.signal === 'SIGKILL') kills++;
      const left = await listed(folder);
      const again = await rerun(folder);
      const where =
        `seed ${SEED} (CLOSE_SIGKILL_SEED=${SEED} replays it), ${label} at ${killAfterMs} ms of a ` +
        `${Math.round(closeMs)} ms close (${killed.signal ?? `exit ${killed.code}`}); the killed run ` +
        `left [${left.join(', ')}]; the re-run said: ${again.stderr.trim()}`;
      expect(again.code, where).toBe(0);
      const after = await outcomeIn(folder, again.stdout);
      expect(after.listing, where).toEqual(uninterrupted.listing);
      expect(after.mismatched, where).toEqual([]);
      expect(after.figures, where).toEqual(uninterrupted.figures);
      expect(after.recordFigures, where).toEqual(uninterrupted.recordFigures);
      expect(after.content, where).toEqual(uninterrupted.content);
      await rm(folder, { recursive: true, force: true });
    };
    // A kill drawn after the child had exited killed nothing (a close ran faster than the one
    // measured, e.g. once the machine's load fell): as many more are drawn, each round over a
    // shorter span (three quarters of the last), for up to seven rounds more.
    for (let round = 0; kills < KILLS && round < 8 && failed === undefined; round++) {
      const span = closeMs * 0.75 ** round;
      const points = killPoints(SEED + round, KILLS - kills, span).map((ms, i) => ({ ms, i }));
      const lane = async () => {
        for (let next = points.shift(); next && failed === undefined; next = points.shift()) {
          await killAndRerun(next.ms, `round ${round + 1}, kill ${next.i + 1}`).catch((error: unknown) => {
            failed ??= error;
          });
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
    }
    if (failed !== undefined) throw failed;
    expect(kills, `seed ${SEED}: kills that landed before the close had exited`).toBeGreaterThanOrEqual(
      KILLS,
    );
  }, 300_000);

  // The record is the close's last write: a kill right after it leaves a folder the re-run only
  // tidies (the dead claim, the spool, the record's scratch copy), writing nothing else.
  it('re-runs a close killed right after its record to all of its files, leaving nothing behind', async () => {
    const folder = await freshFolder();
    const killed = await killClose(folder, { file: `${BASE}.close.json` });
    expect(killed.signal).toBe('SIGKILL');
    const left = await listed(folder);
    expect(left).toContain(`${BASE}.close.json`);
    const again = await rerun(folder);
    expect(again.code, again.stderr).toBe(0);
    const after = await outcomeIn(folder, again.stdout);
    expect(after.listing, `the killed run left [${left.join(', ')}]`).toEqual(uninterrupted.listing);
    expect(after.content).toEqual(uninterrupted.content);
  }, 60_000);
});
