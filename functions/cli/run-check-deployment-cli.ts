import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { financeSesClient } from '#aws/aws-clients.js';
import { createDevinKeySecretReader } from '#aws/devin-key-secret.js';
import { runDeploymentCheck } from '#check/run-deployment-check.js';
import { checkPassed } from '#core/check/check-row.js';
import { formatCheckTable } from '#core/check/check-table.js';
import {
  CHECK_DEPLOYMENT_USAGE,
  type CheckDeploymentOptions,
  parseCheckDeploymentOptions,
} from './check-deployment-options.js';

export interface CheckDeploymentIo {
  readonly env: Record<string, string | undefined>;
  readonly now: () => Date;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * `npm run check-deployment`: the same rows as the report function's `{"check":true}` event, from
 * a laptop with the operator's AWS credentials. Prints a table (or `--json`: `{passed, rows}`) and
 * sends nothing. Exit 0 no problem, 1 a problem row, 2 the command line was wrong.
 */
export async function runCheckDeploymentCli(argv: readonly string[], io: CheckDeploymentIo): Promise<number> {
  let options: CheckDeploymentOptions;
  try {
    options = parseCheckDeploymentOptions(argv, io.env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`check-deployment: error: ${message}\n${CHECK_DEPLOYMENT_USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(CHECK_DEPLOYMENT_USAGE);
    return 0;
  }
  const ses = financeSesClient();
  const secretsManager = new SecretsManagerClient({});
  const sns = new SNSClient({});
  try {
    const rows = await runDeploymentCheck({
      secretId: options.secretId,
      readKeySecret: createDevinKeySecretReader(secretsManager, options.secretId),
      devin: {
        ...(options.devinApiUrl !== undefined && { baseUrl: options.devinApiUrl }),
        ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion }),
      },
      ses,
      sender: options.sender,
      recipients: options.recipients,
      linkBaseUrl: options.linkBaseUrl,
      sns,
      alarmTopicArn: options.alarmTopicArn,
      alarmEmail: options.alarmEmail,
      now: io.now(),
    });
    const passed = checkPassed(rows);
    io.stdout.write(options.json ? `${JSON.stringify({ passed, rows })}\n` : formatCheckTable(rows));
    return passed ? 0 : 1;
  } finally {
    ses.destroy();
    secretsManager.destroy();
    sns.destroy();
  }
}
