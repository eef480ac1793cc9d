import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ChargebackStack } from './chargeback-stack.js';
import { readConfig } from './config.js';

const app = new App();
new ChargebackStack(app, 'DevinChargeback', {
  description: 'Devin ACU chargeback: monthly report from the Devin Enterprise API to S3 and e-mail',
  config: readConfig(app),
});
Tags.of(app).add('app', 'devin-chargeback');
// Synth fails on any unacknowledged AwsSolutions finding, so a regression cannot reach a deploy.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
