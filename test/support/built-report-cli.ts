import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * `npm run report` built once into one ESM file, for tests that start the CLI many times as a
 * child process: Node loads it in about 0.4 s where tsx needs about 2.5 s. It is written under
 * `node_modules/.cache/`, inside the project, because the chart renderer finds its WebAssembly
 * and fonts with `require.resolve` from the running file.
 */
export interface BuiltReportCli {
  /** Starts `npm run report -- …args` with only PATH, HOME and `env` in its environment. */
  start(args: readonly string[], env: Readonly<Record<string, string>>): ChildProcess;
  /** Removes the built file. */
  remove(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function buildReportCli(): Promise<BuiltReportCli> {
  const cache = join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const folder = await mkdtemp(join(cache, 'report-cli-'));
  const outfile = join(folder, 'report.mjs');
  await build({
    entryPoints: [join(ROOT, 'functions', 'cli', 'report.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    // CommonJS dependencies (exceljs and friends) call require(); ESM output has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    // Native, optional, and loaded only by `npm run query`.
    external: ['@duckdb/node-api'],
    logLevel: 'error',
  });
  return {
    start: (args, env) =>
      spawn(process.execPath, [outfile, ...args], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

export interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** What the child printed and how it ended. */
export function finished(child: ChildProcess): Promise<ChildRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
