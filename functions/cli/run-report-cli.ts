import { closedLine } from '#close/close-record.js';
import { InvalidInputError } from '#core/errors.js';
import { devinConfigFromEnv } from '#devin/client/config.js';
import type { RunLog } from '#pipeline/run-log.js';
import { type CliOptions, parseCliOptions, USAGE } from './cli-options.js';
import { type DemoSource, startDemoSource } from './demo-source.js';
import { localReport } from './local-report.js';
import { runCheckAccess } from './run-check-access.js';
import { closedRecordOutput, humanOutput, jsonOutput } from './run-output.js';

export { DEMO_ACU_PRICE } from './demo-source.js';

export interface CliIo {
  readonly env: Record<string, string | undefined>;
  readonly now: () => Date;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * `npm run report` (mode 'api') and `npm start` (mode 'demo'): the same engine, the demo
 * pointing it at the project's fake Devin API on loopback.
 * Returns the exit code: 0 done, 1 the run failed, 2 the command line was wrong.
 */
export async function runReportCli(
  mode: 'api' | 'demo',
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliOptions(argv, io.env);
  } catch (error) {
    io.stderr.write(`devin-chargeback: ${errorLine(error)}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  let demo: DemoSource | undefined;
  try {
    if (options.checkAccess && mode === 'api') {
      const connection = devinConfigFromEnv(io.env);
      const version = options.apiVersion !== undefined && { apiVersion: options.apiVersion };
      return await runCheckAccess({ ...connection, ...version }, io, options.json);
    }
    const say = (line: string) => io.stderr.write(`${line}\n`);
    if (mode === 'demo') demo = await startDemoSource(io.now(), say);
    const run = await localReport(mode, options, io, demo, stderrLog(io.stderr));
    if ('closedAlready' in run) {
      say(closedLine(run.closedAlready));
      io.stdout.write(closedRecordOutput(run.closedAlready, options.outDir, options.json));
    } else {
      io.stdout.write(options.json ? jsonOutput(run) : humanOutput(run, mode === 'demo'));
    }
    return 0;
  } catch (error) {
    io.stderr.write(`devin-chargeback: ${errorLine(error)}\n`);
    return error instanceof InvalidInputError ? 2 : 1;
  } finally {
    await demo?.stop();
  }
}

function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `error: ${message.split('\n')[0]}`;
}

function stderrLog(stderr: CliIo['stderr']): RunLog {
  return {
    info() {},
    warn(message) {
      stderr.write(`warning: ${message}\n`);
    },
  };
}
