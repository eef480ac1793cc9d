import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReportCli } from '#cli/run-report-cli.js';

/** YYYY-MM of the month `back` months before `now` (UTC). */
export function monthBefore(now: Date, back: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * Runs the demo (`npm start`'s code path, in process) for each month into one
 * folder, as a user would month after month; the demo builds the month
 * before the first one too. Fails the test on a non-zero exit.
 */
export async function runDemoMonths(
  months: readonly string[],
  options: {
    readonly outDir?: string;
    readonly args?: readonly string[];
    readonly env?: Record<string, string>;
  } = {},
): Promise<string> {
  const outDir = options.outDir ?? (await mkdtemp(join(tmpdir(), 'focus-demo-')));
  for (const month of months) {
    let stderr = '';
    const code = await runReportCli(
      'demo',
      ['--out', outDir, '--month', month, '--json', ...(options.args ?? [])],
      {
        env: { ...options.env },
        now: () => new Date(),
        stdout: { write: () => true },
        stderr: {
          write: (text: string) => {
            stderr += text;
            return true;
          },
        },
      },
    );
    if (code !== 0) throw new Error(`demo run for ${month} exited ${code}: ${stderr}`);
  }
  return outDir;
}
