import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ChargebackStack } from './chargeback-stack.js';
import { type ChargebackConfig, CONFIG_KEYS, ConfigError, readConfig } from './config.js';
import { applyEnvironmentConfig } from './environment-config.js';
import { FOCUS_CONFIG_KEYS } from './focus-config.js';

const app = new App();

let config: ChargebackConfig;
try {
  // `-c env=prod`: the deployment's settings from the committed config/prod.json (docs/operations.md).
  applyEnvironmentConfig(app, {
    configDir: fileURLToPath(new URL('../config/', import.meta.url)),
    cdkJsonContext:
      (
        JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as {
          context?: Record<string, unknown>;
        }
      ).context ?? {},
    knownKeys: [...CONFIG_KEYS, ...FOCUS_CONFIG_KEYS],
  });
  config = readConfig(app);
} catch (error) {
  // A configuration mistake is the operator's to fix: show the list of bad keys, not a stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

new ChargebackStack(app, 'DevinChargeback', {
  description: 'Devin ACU chargeback: monthly report from the Devin Enterprise API to S3 and e-mail',
  config,
});
Tags.of(app).add('app', 'devin-chargeback');
// Synth fails on any unacknowledged AwsSolutions finding, so a regression cannot reach a deploy.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
