import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { EncryptionKeySetting } from '../config.js';

export interface StackKeyProps {
  readonly setting: Exclude<EncryptionKeySetting, { kind: 'none' }>;
}

/**
 * The customer-managed key of the `encryptionKey` setting: created here (rotated yearly, kept when
 * the stack is deleted, since the records it encrypts outlive the stack), or an existing key by ARN.
 * The services that encrypt on their own behalf are let in by the key policy; the stack's roles get
 * kms:Decrypt / kms:GenerateDataKey in their own policies (kms-permissions.ts).
 */
export class StackKey extends Construct {
  readonly key: IKey;

  constructor(scope: Construct, id: string, props: StackKeyProps) {
    super(scope, id);
    if (props.setting.kind === 'existing') {
      // The stack cannot change another key's policy: docs/security-options.md lists what it must allow.
      this.key = Key.fromKeyArn(this, 'Existing', props.setting.keyArn);
      return;
    }
    const stack = Stack.of(this);
    const key = new Key(this, 'Key', {
      description: 'Devin ACU chargeback: reports, query results, logs, alarm topic and secrets',
      enableKeyRotation: true,
      // Every report version is encrypted under it: deleting the key would destroy the records.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts each log group itself; the condition holds it to this account's and
    // Region's log groups (their names are generated, and naming them here would be a cycle).
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsEncryptsTheLogGroups',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    // CloudWatch alarms publish to the encrypted alarm topic, which needs a data key from this key.
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheTopic',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.key = key;
  }
}
