import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../infra/config.js';
import { KEY_USE_SID } from '../../infra/kms-permissions.js';
import { buildStack } from './support/build-stack.js';

const SYNTH_TIMEOUT = 120_000;
const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

interface Resource {
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
}
interface Statement {
  readonly Sid?: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
}

const resources = (template: Template, type: string) =>
  Object.entries(template.findResources(type)) as [string, Resource][];

function byId(template: Template, type: string, prefix: string): Resource {
  const found = resources(template, type).filter(([id]) => id.startsWith(prefix));
  expect(
    found.map(([id]) => id),
    `${type} ${prefix}*`,
  ).toHaveLength(1);
  return (found[0] as [string, Resource])[1];
}

/** Every statement of the inline policies attached to the role whose logical id starts so. */
function roleStatements(template: Template, rolePrefix: string): Statement[] {
  const [roleId] = resources(template, 'AWS::IAM::Role').find(([id]) => id.startsWith(rolePrefix)) ?? [''];
  expect(roleId, rolePrefix).not.toBe('');
  return resources(template, 'AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const kmsStatements = (statements: Statement[]) =>
  statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));

const sse = (bucket: Resource) =>
  (bucket.Properties.BucketEncryption as { ServerSideEncryptionConfiguration: Record<string, unknown>[] })
    .ServerSideEncryptionConfiguration[0];

describe('encryptionKey=create', () => {
  let template: Template;
  let keyId: string;
  let keyArn: unknown;

  beforeAll(() => {
    template = Template.fromStack(buildStack({ encryptionKey: 'create', distributedRuns: 'true' }).stack);
    const keys = resources(template, 'AWS::KMS::Key');
    expect(keys).toHaveLength(1);
    keyId = (keys[0] as [string, Resource])[0];
    keyArn = { 'Fn::GetAtt': [keyId, 'Arn'] };
  }, SYNTH_TIMEOUT);

  it('creates one key, rotated, kept when the stack goes', () => {
    const key = template.findResources('AWS::KMS::Key')[keyId] as Resource;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
  });

  it('lets CloudWatch Logs (for this account and Region’s log groups) and CloudWatch alarms use it', () => {
    const key = template.findResources('AWS::KMS::Key')[keyId] as Resource;
    const statements = (key.Properties.KeyPolicy as { Statement: Statement[] }).Statement;
    const logs = statements.find((s) => s.Sid === 'CloudWatchLogsEncryptsTheLogGroups');
    expect(logs?.Principal).toEqual({
      Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
    });
    expect(JSON.stringify(logs?.Condition)).toContain('kms:EncryptionContext:aws:logs:arn');
    expect(JSON.stringify(logs?.Condition)).toContain(':log-group:*');
    const alarms = statements.find((s) => s.Sid === 'CloudWatchAlarmsPublishToTheTopic');
    expect(alarms?.Principal).toEqual({ Service: 'cloudwatch.amazonaws.com' });
    expect(alarms?.Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
  });

  it('encrypts the report bucket with SSE-KMS and a Bucket Key; the access-log bucket stays SSE-S3', () => {
    expect(sse(byId(template, 'AWS::S3::Bucket', 'ReportBucketReports'))).toEqual({
      BucketKeyEnabled: true,
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn },
    });
    // S3 log delivery writes only to SSE-S3 buckets.
    expect(sse(byId(template, 'AWS::S3::Bucket', 'ReportBucketAccessLogs'))).toEqual({
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
    });
  });

  it('encrypts the Athena results bucket and the workgroup’s results with it', () => {
    expect(sse(byId(template, 'AWS::S3::Bucket', 'FocusResults'))).toEqual({
      BucketKeyEnabled: true,
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn },
    });
    const workGroup = byId(template, 'AWS::Athena::WorkGroup', 'Focus');
    expect(workGroup.Properties.WorkGroupConfiguration).toMatchObject({
      ResultConfiguration: { EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: keyArn } },
    });
  });

  it('encrypts every log group, the alarm topic and both secrets with it', () => {
    const logGroups = resources(template, 'AWS::Logs::LogGroup');
    // Report, link service, window, merge, state machine.
    expect(logGroups).toHaveLength(5);
    for (const [id, group] of logGroups) expect(group.Properties.KmsKeyId, id).toEqual(keyArn);
    expect(byId(template, 'AWS::SNS::Topic', 'AlarmsTopic').Properties.KmsMasterKeyId).toEqual(keyArn);
    const secrets = resources(template, 'AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(2);
    for (const [id, secret] of secrets) expect(secret.Properties.KmsKeyId, id).toEqual(keyArn);
  });

  it.each([
    // Reads and writes reports, reads the Devin key and the signing keys.
    ['ReportRole', ['kms:Decrypt', 'kms:GenerateDataKey']],
    ['DistributedMergeRole', ['kms:Decrypt', 'kms:GenerateDataKey']],
    // Reads the Devin key, writes its parts.
    ['DistributedWindowRole', ['kms:Decrypt', 'kms:GenerateDataKey']],
    // Reads workbooks, summaries and its signing keys only.
    ['DownloadLinksRole', ['kms:Decrypt']],
  ])('grants %s exactly %j on the key, in one statement', (role, actions) => {
    expect(kmsStatements(roleStatements(template, role))).toEqual([
      {
        Sid: KEY_USE_SID,
        Effect: 'Allow',
        Action: actions.length === 1 ? actions[0] : actions,
        Resource: keyArn,
      },
    ]);
  });

  it('grants the FOCUS query policy decrypt and data keys on the key (dataset reads, result writes)', () => {
    const policy = byId(template, 'AWS::IAM::ManagedPolicy', 'FocusQueryPolicy');
    const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
    expect(kmsStatements(statements)).toEqual([
      { Sid: KEY_USE_SID, Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: keyArn },
    ]);
  });

  it('grants the key to no other role (the schedule and the state machine touch no encrypted data)', () => {
    for (const role of ['MonthlyInvokeRole', 'DistributedStateMachineRole']) {
      expect(kmsStatements(roleStatements(template, role)), role).toEqual([]);
    }
  });
});

describe('encryptionKey=<an existing key ARN>', () => {
  let template: Template;
  beforeAll(() => {
    template = Template.fromStack(buildStack({ encryptionKey: KEY_ARN }).stack);
  }, SYNTH_TIMEOUT);

  it('creates no key and uses the given one everywhere, granting it by ARN', () => {
    template.resourceCountIs('AWS::KMS::Key', 0);
    expect(sse(byId(template, 'AWS::S3::Bucket', 'ReportBucketReports'))).toEqual({
      BucketKeyEnabled: true,
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN },
    });
    expect(byId(template, 'AWS::SNS::Topic', 'AlarmsTopic').Properties.KmsMasterKeyId).toBe(KEY_ARN);
    for (const [id, group] of resources(template, 'AWS::Logs::LogGroup')) {
      expect(group.Properties.KmsKeyId, id).toBe(KEY_ARN);
    }
    expect(kmsStatements(roleStatements(template, 'ReportRole'))).toEqual([
      {
        Sid: KEY_USE_SID,
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: KEY_ARN,
      },
    ]);
  });
});

describe('encryptionKey=none (the default)', () => {
  it(
    'keeps SSE-S3 and AWS-managed keys, with no key and no KMS statement anywhere',
    () => {
      const template = Template.fromStack(buildStack({ distributedRuns: 'true' }).stack);
      template.resourceCountIs('AWS::KMS::Key', 0);
      for (const [id, bucket] of resources(template, 'AWS::S3::Bucket')) {
        expect(sse(bucket), id).toEqual({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } });
      }
      for (const type of ['AWS::Logs::LogGroup', 'AWS::SecretsManager::Secret']) {
        for (const [id, r] of resources(template, type)) expect(r.Properties.KmsKeyId, id).toBeUndefined();
      }
      expect(JSON.stringify(template.toJSON())).not.toContain('"kms:');
    },
    SYNTH_TIMEOUT,
  );

  it.each(['alias/devin', 'yes', 'arn:aws:kms:eu-west-1:123456789012:alias/devin'])(
    'refuses encryptionKey=%s, naming the three forms',
    (value) => {
      expect(() => buildStack({ encryptionKey: value })).toThrow(ConfigError);
      expect(() => buildStack({ encryptionKey: value })).toThrow(
        /encryptionKey = ".*": must be none, create or a KMS key ARN/,
      );
    },
  );
});
