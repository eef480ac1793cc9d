import { runQueryCli } from './run-query-cli.js';

process.exitCode = await runQueryCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
