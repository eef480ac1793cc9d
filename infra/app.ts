import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ChargebackStack } from './chargeback-stack.js';
import { type ChargebackConfig, ConfigError, readConfig } from './config.js';

const app = new App();

let config: ChargebackConfig;
try {
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
