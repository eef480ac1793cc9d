import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runReportCli } from '#cli/run-report-cli.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import type { FakeDataset } from '#devin/fake/wire.js';
import { startTestDevinApi, type TestDevinApi } from './fake-devin-api/test-devin-api.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ReportCliHarness {
  /** `npm run report -- --out <folder> --acu-price 2.25 …args` in process, at the harness's clock. */
  cli(...args: string[]): Promise<CliRun>;
  /** The output folder (valid inside tests). */
  out(): string;
  /** The fake Devin API (valid inside tests). */
  api(): TestDevinApi;
  /** The data set the fake API was started with. */
  data(): FakeDataset;
}

/**
 * The report CLI against a fake Devin API serving October and November 2026 (or up to `dataTo`), writing to a fresh
 * folder: started before the file's tests and removed after them.
 */
export function useReportCli(options: {
  readonly key: string;
  readonly seed: number;
  readonly sessions: number;
  /** The CLI's clock: a fixed instant, or read at every call (a test that moves time on). */
  readonly now: Date | (() => Date);
  readonly folderPrefix: string;
  /** The end of the served data (exclusive); December 2026 starts by default. */
  readonly dataTo?: Date;
}): ReportCliHarness {
  const now = typeof options.now === 'function' ? options.now : () => options.now as Date;
  let api: TestDevinApi | undefined;
  let out: string | undefined;
  let served: FakeDataset | undefined;
  beforeAll(async () => {
    const data = generateDataset({
      seed: options.seed,
      sessions: options.sessions,
      from: new Date('2026-10-01T00:00:00Z'),
      to: options.dataTo ?? new Date('2026-12-01T00:00:00Z'),
    });
    served = data;
    api = await startTestDevinApi({ apiKey: options.key, data });
    out = await mkdtemp(join(tmpdir(), options.folderPrefix));
  });
  afterAll(async () => {
    await api?.close();
    if (out !== undefined) await rm(out, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the report CLI harness's ${what} is used outside a test`);
    return value;
  };
  return {
    async cli(...args) {
      let stdout = '';
      let stderr = '';
      const folder = started(out, 'folder');
      const code = await runReportCli('api', ['--out', folder, '--acu-price', '2.25', ...args], {
        env: { DEVIN_API_KEY: options.key, DEVIN_API_URL: started(api, 'fake API').url },
        now,
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
      });
      return { code, stdout, stderr };
    },
    out: () => started(out, 'folder'),
    api: () => started(api, 'fake API'),
    data: () => started(served, 'data set'),
  };
}
