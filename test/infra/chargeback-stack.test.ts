import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_SES_READS_SID, CHECK_SNS_SUBSCRIPTIONS_SID } from '../../infra/report-permissions.js';
import { buildStack } from './support/build-stack.js';

interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
}

interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

function only(template: Template, type: string): [string, CfnResource] {
  const found = Object.entries(template.findResources(type)) as [string, CfnResource][];
  expect(found, `exactly one ${type}`).toHaveLength(1);
  return found[0] as [string, CfnResource];
}

function statementsOf(template: Template, roleLogicalId: string): Statement[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[];
  return policies
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleLogicalId }]))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

const objectsUnder = (bucketLogicalId: string, pattern: string) => ({
  'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketLogicalId, 'Arn'] }, pattern]],
});

// Template.fromStack synthesizes the whole app: seconds each, so every variant is built once.
const SYNTH_TIMEOUT = 120_000;

// The link service's own resources are tested in download-link-service.test.ts; here the stack without it,
// so every count below is the report function's.
// The distributed run's resources are tested in distributed-run.test.ts, so it is off here too.
describe('the stack with defaults but the link service off (-c durableLinks=false)', () => {
  let template: Template;
  let fnId: string;
  let fn: CfnResource;
  let bucketId: string;
  let queueId: string;
  let secretId: string;

  beforeAll(() => {
    template = Template.fromStack(buildStack({ durableLinks: false, distributedRuns: false }).stack);
    [fnId, fn] = only(template, 'AWS::Lambda::Function');
    [queueId] = only(template, 'AWS::SQS::Queue');
    [secretId] = only(template, 'AWS::SecretsManager::Secret');
    // The report bucket by its logical id: the access-log and Athena results buckets are versioned too.
    const buckets = Object.entries(template.findResources('AWS::S3::Bucket')).filter(([id]) =>
      id.startsWith('ReportBucketReports'),
    );
    bucketId = buckets[0]?.[0] ?? '';
  }, SYNTH_TIMEOUT);

  describe('schedule', () => {
    it('has a daily catch-up at 20:00 UTC in the same group, sending the catch-up event', () => {
      template.resourceCountIs('AWS::Scheduler::Schedule', 2);
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(0 20 * * ? *)',
        ScheduleExpressionTimezone: 'UTC',
        GroupName: only(template, 'AWS::Scheduler::ScheduleGroup')[1].Properties.Name,
        Target: {
          Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          Input: Match.stringLikeRegexp('"kind":"catch-up"'),
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        },
      });
    });

    it('fires monthly at 14:00 on the 1st in UTC (after the last billing day and its settle margin), in its own group, with retries and the DLQ', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(0 14 1 * ? *)',
        ScheduleExpressionTimezone: 'UTC',
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        GroupName: only(template, 'AWS::Scheduler::ScheduleGroup')[1].Properties.Name,
        Target: {
          Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 21_600 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        },
      });
    });

    it('tells the handler it is the scheduled monthly run (or the daily catch-up) and when it was due', () => {
      const inputs = Object.values(template.findResources('AWS::Scheduler::Schedule')).map(
        (schedule) => JSON.parse((schedule.Properties.Target as { Input: string }).Input) as unknown,
      );
      expect(inputs).toEqual(
        ['monthly', 'catch-up'].map((kind) => ({
          source: 'devin-chargeback.schedule',
          kind,
          scheduledTime: '<aws.scheduler.scheduled-time>',
        })),
      );
    });

    it('may invoke this function and write to the DLQ, nothing else', () => {
      const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule'));
      // Both schedules use the one role.
      expect(new Set(schedules.map((s) => JSON.stringify(s.Properties.Target.RoleArn))).size).toBe(1);
      const schedule = schedules[0] as CfnResource;
      const roleId = ((schedule.Properties.Target as { RoleArn: { 'Fn::GetAtt': string[] } }).RoleArn[
        'Fn::GetAtt'
      ][0] ?? '') as string;
      expect(statementsOf(template, roleId)).toEqual([
        {
          Effect: 'Allow',
          Action: 'lambda:InvokeFunction',
          Resource: [
            { 'Fn::GetAtt': [fnId, 'Arn'] },
            { 'Fn::Join': ['', [{ 'Fn::GetAtt': [fnId, 'Arn'] }, ':*']] },
          ],
        },
        { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      ]);
    });
  });

  describe('function', () => {
    it('runs Node.js 22 on arm64, sized for a 500,000-session month, one at a time', () => {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 2048,
        Timeout: 900,
        ReservedConcurrentExecutions: 1,
        EphemeralStorage: { Size: 10240 },
      });
    });

    it('logs to its own log group with explicit retention', () => {
      const [logGroupId, logGroup] = only(template, 'AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(365);
      expect(fn.Properties.LoggingConfig).toEqual({ LogGroup: { Ref: logGroupId } });
    });

    it('does not retry failed runs blindly and sends them to the failed-runs queue', () => {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: fnId },
        MaximumRetryAttempts: 0,
        MaximumEventAgeInSeconds: 21_600,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
      });
    });

    it('gets exactly the environment the handler reads, with the secret by reference only', () => {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(variables).sort()).toEqual(
        [
          'ACU_PRICE',
          'ALARM_TOPIC_ARN',
          'ALLOWED_RECIPIENT_DOMAINS',
          'ATTACH_MAX_BYTES',
          'COST_BASIS',
          'COST_CENTRES_KEY',
          'CURRENCY',
          'DEVIN_API_KEY_SECRET',
          'EMAIL_RECIPIENTS',
          'EMAIL_SENDER',
          'LINK_TTL_SECONDS',
          'MAX_SESSION_ROWS',
          'NODE_OPTIONS',
          'REPORT_ALIGNMENT',
          'REPORT_BUCKET',
          'REPORT_PREFIX',
          'REPORT_TIMEZONE',
          'SHOWBACK',
        ].sort(),
      );
      expect(variables).toMatchObject({
        REPORT_BUCKET: { Ref: bucketId },
        REPORT_PREFIX: 'reports/',
        EMAIL_SENDER: 'reports@example.com',
        EMAIL_RECIPIENTS: 'finance@example.com',
        ALLOWED_RECIPIENT_DOMAINS: 'example.com',
        REPORT_TIMEZONE: 'UTC',
        ACU_PRICE: '2.25',
        CURRENCY: 'USD',
        DEVIN_API_KEY_SECRET: { Ref: secretId },
        NODE_OPTIONS: '--enable-source-maps',
        COST_CENTRES_KEY: 'reports/config/cost-centres.csv',
        SHOWBACK: 'false',
        MAX_SESSION_ROWS: '1000000',
        // The deployment check's topic; no ALARM_EMAIL, since alarmEmail is "none" here.
        ALARM_TOPIC_ARN: { Ref: only(template, 'AWS::SNS::Topic')[0] },
      });
    });
  });

  describe('IAM', () => {
    let statements: Statement[];
    beforeAll(() => {
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0] ?? '';
      statements = statementsOf(template, roleId);
    });

    it('reads and writes objects under the report prefix only, and may list so a missing key is a 404', () => {
      const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
      expect(s3).toEqual([
        {
          Sid: 'ReadWriteReports',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
          Resource: objectsUnder(bucketId, '/reports/*'),
        },
        {
          Sid: 'TellMissingFromForbidden',
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
        },
        {
          Sid: 'ReleaseEmailMarkers',
          Effect: 'Allow',
          Action: 's3:DeleteObject',
          Resource: objectsUnder(bucketId, '/reports/markers/*'),
        },
        // Finance's map sits inside the prefix (readable by the first grant) and is never the function's to change.
        {
          Sid: 'NeverWriteCostCentreMap',
          Effect: 'Deny',
          Action: ['s3:PutObject', 's3:DeleteObject'],
          Resource: objectsUnder(bucketId, '/reports/config/cost-centres.csv'),
        },
        {
          Sid: 'ReplaceFocusPartitions',
          Effect: 'Allow',
          Action: 's3:DeleteObject',
          Resource: objectsUnder(bucketId, '/reports/focus/*'),
        },
      ]);
    });

    it('reads the Devin key secret and nothing else in Secrets Manager', () => {
      const secrets = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
      expect(secrets).toEqual([
        {
          Effect: 'Allow',
          Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          Resource: { Ref: secretId },
        },
      ]);
    });

    it('sends mail only from the configured sender', () => {
      const ses = statements.filter(
        (s) => actionsOf(s).some((a) => a.startsWith('ses:')) && s.Sid !== CHECK_SES_READS_SID,
      );
      expect(ses).toHaveLength(1);
      expect(ses[0]).toMatchObject({
        Action: ['ses:SendEmail', 'ses:SendRawEmail'],
        Condition: { StringEquals: { 'ses:FromAddress': 'reports@example.com' } },
      });
      expect(JSON.stringify(ses[0]?.Resource)).toContain(':identity/*');
    });

    it('writes logs to its own log group only, without a managed policy', () => {
      const [logGroupId] = only(template, 'AWS::Logs::LogGroup');
      const logs = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
      expect(logs).toEqual([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
        },
      ]);
      for (const role of Object.values(template.findResources('AWS::IAM::Role')) as CfnResource[]) {
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });

    it('reads SES identity states and the quota for the deployment check, and nothing more on "*"', () => {
      expect(statements.filter((s) => s.Sid === CHECK_SES_READS_SID)).toEqual([
        {
          Sid: CHECK_SES_READS_SID,
          Effect: 'Allow',
          Action: ['ses:GetIdentityVerificationAttributes', 'ses:GetSendQuota'],
          Resource: '*',
        },
      ]);
    });

    it('lists the alarm topic’s subscriptions for the deployment check, on that topic only', () => {
      const [topicId] = only(template, 'AWS::SNS::Topic');
      expect(statements.filter((s) => actionsOf(s).some((a) => a.startsWith('sns:')))).toEqual([
        {
          Sid: CHECK_SNS_SUBSCRIPTIONS_SID,
          Effect: 'Allow',
          Action: 'sns:ListSubscriptionsByTopic',
          Resource: { Ref: topicId },
        },
      ]);
    });

    it('grants no action or resource "*" anywhere but the check’s two SES reads', () => {
      const all = (Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[]).flatMap(
        (p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
      );
      expect(all.length).toBeGreaterThan(0);
      for (const statement of all) {
        expect(actionsOf(statement).filter((a) => a.includes('*'))).toEqual([]);
        // Those two SES reads have no resource type in IAM (see grantCheckPermissions).
        if (statement.Sid === CHECK_SES_READS_SID) continue;
        expect([statement.Resource].flat()).not.toContain('*');
      }
    });
  });

  describe('bucket', () => {
    let bucket: CfnResource;
    beforeAll(() => {
      bucket = template.findResources('AWS::S3::Bucket')[bucketId] as CfnResource;
    });

    it('is encrypted, private, versioned and retained', () => {
      expect(bucket.Properties).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
      expect(bucket.DeletionPolicy).toBe('Retain');
    });

    it('moves older reports to Glacier Instant Retrieval and never expires them', () => {
      const rules = (bucket.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
      expect(rules).toContainEqual(
        expect.objectContaining({
          Status: 'Enabled',
          Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
          NoncurrentVersionTransitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
        }),
      );
      // Only the distributed run's scratch parts expire, and only under the parts folder.
      const scratch = rules.filter((rule) => rule.Prefix === 'reports/parts/');
      expect(scratch).toEqual([
        expect.objectContaining({ Id: 'expire-distributed-run-parts', ExpirationInDays: 3 }),
      ]);
      for (const rule of rules.filter((r) => !scratch.includes(r))) {
        expect(rule).not.toHaveProperty('ExpirationInDays');
        expect(rule).not.toHaveProperty('NoncurrentVersionExpiration');
      }
    });

    it('refuses plain HTTP', () => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Resource: [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, objectsUnder(bucketId, '/*')],
            },
          ],
        },
      });
    });

    it('logs access to a retained, private log bucket', () => {
      const logging = bucket.Properties.LoggingConfiguration as { DestinationBucketName: { Ref: string } };
      const logBucket = template.findResources('AWS::S3::Bucket')[
        logging.DestinationBucketName.Ref
      ] as CfnResource;
      expect(logBucket.DeletionPolicy).toBe('Retain');
      expect(logBucket.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicPolicy: true });
    });
  });

  describe('secret', () => {
    it('is created without a value in the template, for the operator to set', () => {
      const [, secret] = only(template, 'AWS::SecretsManager::Secret');
      expect(secret.Properties).not.toHaveProperty('SecretString');
      expect(secret.Properties.Description).toContain('put-secret-value');
      // The current key kind first: a v3 service user's cog_ key; the v2 personal key only as the deprecated one.
      expect(secret.Properties.Description).toMatch(
        /cog_ key of an enterprise service user.*apk_user_.*deprecated/,
      );
    });
  });

  describe('failures', () => {
    it('keep failed runs in an encrypted, TLS-only queue', () => {
      template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: [{ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
        },
      });
    });

    it('raise alarms on function errors, waiting failed runs, schedule failures and a Devin key about to expire, all to the topic', () => {
      const [topicId] = only(template, 'AWS::SNS::Topic');
      const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as CfnResource[];
      const watched = alarms.map((a) =>
        a.Properties.MetricName !== undefined
          ? a.Properties.MetricName
          : (a.Properties.Metrics as { MetricStat?: { Metric: { MetricName: string } } }[])
              .flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : []))
              .join('+'),
      );
      expect(watched.sort()).toEqual(
        [
          'ApproximateNumberOfMessagesVisible',
          'DevinKeyExpiringSoon',
          'Errors',
          'PeriodCloseOverdue',
          'TargetErrorCount+InvocationDroppedCount+InvocationsFailedToBeSentToDeadLetterCount',
        ].sort(),
      );
      for (const alarm of alarms) {
        expect(alarm.Properties).toMatchObject({
          AlarmActions: [{ Ref: topicId }],
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          // Silence is success for a failure metric; for the heartbeat it is the failure.
          TreatMissingData:
            alarm.Properties.MetricName === 'PeriodCloseOverdue' ? 'breaching' : 'notBreaching',
        });
      }
    });

    it('raise the heartbeat when the daily word says overdue, or is missing, two days running', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'DevinChargeback',
        MetricName: 'PeriodCloseOverdue',
        Statistic: 'Maximum',
        Period: 86_400,
        EvaluationPeriods: 2,
        TreatMissingData: 'breaching',
        AlarmDescription: Match.stringLikeRegexp(
          '24 hours after it could close.*\\{"month":"YYYY-MM","close":true\\}',
        ),
      });
    });

    it('watch this function, this queue and this schedule group', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      });
      const [, group] = only(template, 'AWS::Scheduler::ScheduleGroup');
      expect(JSON.stringify(template.findResources('AWS::CloudWatch::Alarm'))).toContain(
        JSON.stringify({ Name: 'ScheduleGroup', Value: group.Properties.Name }),
      );
    });

    it('watch the key-expiry metric the function emits', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'DevinChargeback',
        MetricName: 'DevinKeyExpiringSoon',
        Statistic: 'Maximum',
      });
    });

    it('have no e-mail subscription when alarmEmail is "none", and synth warns so', () => {
      template.resourceCountIs('AWS::SNS::Subscription', 0);
      Annotations.fromStack(buildStack().stack).hasWarning(
        '*',
        Match.stringLikeRegexp('alarmEmail is "none"'),
      );
    });

    it('reach the topic only over TLS', () => {
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: [{ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
        },
      });
    });
  });
});

describe('the stack with everything configured', () => {
  let template: Template;
  let fn: CfnResource;

  beforeAll(() => {
    template = Template.fromStack(
      buildStack({
        recipients: 'a@example.com,b@example.com',
        schedule: 'cron(30 7 2 * ? *)',
        timezone: 'Europe/Berlin',
        acuPrice: '2.00',
        currency: 'EUR',
        bucketName: 'acme-finance-reports',
        apiKeySecret: 'devin/api-key',
        alarmEmail: 'ops@example.com',
        transitionDays: '30',
        reportPrefix: 'devin/chargeback/',
        devinApiUrl: 'https://devin.acme.example',
        // With an existing bucket the link service is in download-link-service.test.ts.
        durableLinks: 'false',
        distributedRuns: 'false',
        costCentresKey: 'finance/devin-cost-centres.csv',
        creditAccount: '2100;UK01=2150',
        showback: 'true',
        devinApiVersion: 'v3',
        maxSessionRows: '250000',
        journalFormats: 'xero,sap-s4',
      }).stack,
    );
    [, fn] = only(template, 'AWS::Lambda::Function');
  }, SYNTH_TIMEOUT);

  it('tells the deployment check the alarm email and topic', () => {
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables).toMatchObject({
      ALARM_EMAIL: 'ops@example.com',
      ALARM_TOPIC_ARN: { Ref: only(template, 'AWS::SNS::Topic')[0] },
    });
  });

  it('schedules in the configured zone', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 7 2 * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
    });
  });

  it('uses the existing bucket and secret instead of creating them', () => {
    // The only bucket created is the Athena workgroup's own results bucket.
    template.resourceCountIs('AWS::S3::Bucket', 1);
    expect(Object.keys(template.findResources('AWS::S3::Bucket'))[0]).toMatch(/^FocusResults/);
    template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      REPORT_BUCKET: 'acme-finance-reports',
      DEVIN_API_VERSION: 'v3',
      REPORT_PREFIX: 'devin/chargeback/',
      DEVIN_API_KEY_SECRET: 'devin/api-key',
      DEVIN_API_URL: 'https://devin.acme.example',
      EMAIL_RECIPIENTS: 'a@example.com,b@example.com',
      REPORT_TIMEZONE: 'Europe/Berlin',
      ACU_PRICE: '2.00',
      CURRENCY: 'EUR',
      COST_CENTRES_KEY: 'finance/devin-cost-centres.csv',
      CREDIT_ACCOUNT: '2100;UK01=2150',
      SHOWBACK: 'true',
      MAX_SESSION_ROWS: '250000',
      JOURNAL_FORMATS: 'sap-s4,xero',
      ERP_MAPPING_KEY: 'finance/erp-mapping.csv',
    });
  });

  it('may read erp-mapping.csv beside that map, and never write it', () => {
    const statements = (Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[]).flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    const bySid = (sid: string) => statements.find((s) => s.Sid === sid);
    const arn = ':s3:::acme-finance-reports/finance/erp-mapping.csv"';
    expect(bySid('ReadErpMapping')).toMatchObject({ Effect: 'Allow', Action: 's3:GetObject' });
    expect(JSON.stringify(bySid('ReadErpMapping')?.Resource)).toContain(arn);
    expect(bySid('NeverWriteErpMapping')).toMatchObject({
      Effect: 'Deny',
      Action: ['s3:PutObject', 's3:DeleteObject'],
    });
    expect(JSON.stringify(bySid('NeverWriteErpMapping')?.Resource)).toContain(arn);
  });

  it('may read a cost-centre map outside the report prefix, that one object only, and never write it', () => {
    const statements = (Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[]).flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    const bySid = (sid: string) => statements.find((s) => s.Sid === sid);
    const mapArn = ':s3:::acme-finance-reports/finance/devin-cost-centres.csv"';
    expect(bySid('ReadCostCentreMap')).toMatchObject({ Effect: 'Allow', Action: 's3:GetObject' });
    expect(JSON.stringify(bySid('ReadCostCentreMap')?.Resource)).toContain(mapArn);
    expect(bySid('NeverWriteCostCentreMap')).toMatchObject({
      Effect: 'Deny',
      Action: ['s3:PutObject', 's3:DeleteObject'],
    });
    expect(JSON.stringify(bySid('NeverWriteCostCentreMap')?.Resource)).toContain(mapArn);
  });

  it('scopes S3 to the configured prefix of the named bucket and the secret to its name', () => {
    const text = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(text).toContain(':s3:::acme-finance-reports/devin/chargeback/*');
    expect(text).toContain(':s3:::acme-finance-reports/devin/chargeback/markers/*');
    // Secrets Manager appends six random characters to every secret's ARN.
    expect(text).toContain(':secret:devin/api-key-??????');
  });

  it('subscribes the alarm e-mail', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
  });
});

describe('an existing secret named by its full ARN', () => {
  it(
    'is granted exactly, without a suffix wildcard',
    () => {
      const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:devin/api-key-AbC123';
      const template = Template.fromStack(buildStack({ apiKeySecret: arn }).stack);
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Effect: 'Allow',
              Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
              Resource: arn,
            },
          ]),
        },
      });
    },
    SYNTH_TIMEOUT,
  );
});
