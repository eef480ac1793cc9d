import { runCheckDeploymentCli } from './run-check-deployment-cli.js';

process.exitCode = await runCheckDeploymentCli(process.argv.slice(2), {
  env: process.env,
  now: () => new Date(),
  stdout: process.stdout,
  stderr: process.stderr,
});
