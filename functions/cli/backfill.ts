import { runBackfillCli } from './run-backfill-cli.js';

process.exitCode = await runBackfillCli(process.argv.slice(2), {
  env: process.env,
  now: () => new Date(),
  stdout: process.stdout,
  stderr: process.stderr,
});
