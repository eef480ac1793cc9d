import { runReportCli } from './run-report-cli.js';

process.exitCode = await runReportCli('api', process.argv.slice(2), {
  env: process.env,
  now: () => new Date(),
  stdout: process.stdout,
  stderr: process.stderr,
});
