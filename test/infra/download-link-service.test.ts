import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { LINK_4XX_BURST_ALARM, LINK_THROTTLES_ALARM } from '../../infra/constructs/download-link-service.js';
import { buildStack } from './support/build-stack.js';

interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

const SYNTH_TIMEOUT = 120_000;

function resources(template: Template, type: string): [string, CfnResource][] {
  return Object.entries(template.findResources(type)) as [string, CfnResource][];
}

function functionWithVariable(template: Template, variable: string): [string, CfnResource] {
  const found = resources(template, 'AWS::Lambda::Function').filter(([, fn]) =>
    Object.keys((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).includes(
      variable,
    ),
  );
  expect(found, `one function with ${variable}`).toHaveLength(1);
  return found[0] as [string, CfnResource];
}

function statementsOfRole(template: Template, fn: CfnResource): Statement[] {
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  return resources(template, 'AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** The function behind the one Function URL. */
function linkFunction(template: Template): [string, CfnResource] {
  const urls = resources(template, 'AWS::Lambda::Url');
  expect(urls).toHaveLength(1);
  const [, url] = urls[0] as [string, CfnResource];
  const target = (url.Properties.TargetFunctionArn as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0] ?? '';
  return [target, template.findResources('AWS::Lambda::Function')[target] as CfnResource];
}

const variablesOf = (fn: CfnResource) =>
  (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;

describe('the download-link service in the default stack', () => {
  let template: Template;
  let linkId: string;
  let link: CfnResource;
  let report: CfnResource;
  let secretId: string;
  let bucketId: string;
  let urlId: string;

  beforeAll(() => {
    // The distributed steps carry the report's environment too; this is about the report function's.
    template = Template.fromStack(buildStack({ distributedRuns: 'false' }).stack);
    [linkId, link] = linkFunction(template);
    [, report] = functionWithVariable(template, 'DEVIN_API_KEY_SECRET');
    const secrets = resources(template, 'AWS::SecretsManager::Secret').filter(([, s]) =>
      String(s.Properties.Description).startsWith('HMAC keys'),
    );
    expect(secrets).toHaveLength(1);
    secretId = secrets[0]?.[0] ?? '';
    bucketId = (variablesOf(link).REPORT_BUCKET as { Ref: string }).Ref;
    const urls = resources(template, 'AWS::Lambda::Url');
    expect(urls).toHaveLength(1);
    urlId = urls[0]?.[0] ?? '';
  }, SYNTH_TIMEOUT);

  it('runs a small Node.js 22 arm64 function with a short timeout and a few reserved executions', () => {
    expect(link.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 256,
      Timeout: 10,
      ReservedConcurrentExecutions: 3,
    });
    const logGroupId = (link.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(logGroupId).not.toBe(
      (report.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref,
    );
    template.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 365 } });
    expect(template.findResources('AWS::Logs::LogGroup')[logGroupId]).toBeDefined();
  });

  it('is reachable through a Function URL with AuthType NONE, and by nothing else', () => {
    template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [linkId, 'Arn'] },
    });
    const permissions = resources(template, 'AWS::Lambda::Permission').map(([, p]) => p.Properties);
    const onLink = permissions.filter((p) => JSON.stringify(p.FunctionName).includes(linkId));
    expect(onLink).toEqual([
      {
        Action: 'lambda:InvokeFunctionUrl',
        FunctionName: { 'Fn::GetAtt': [linkId, 'Arn'] },
        FunctionUrlAuthType: 'NONE',
        Principal: '*',
      },
      {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [linkId, 'Arn'] },
        InvokedViaFunctionUrl: true,
        Principal: '*',
      },
    ]);
  });

  it('gets the bucket, the prefix and the secret by reference, never a key', () => {
    expect(variablesOf(link)).toEqual({
      REPORT_BUCKET: { Ref: bucketId },
      REPORT_PREFIX: 'reports/',
      LINK_SIGNING_SECRET: { Ref: secretId },
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('may read workbooks and their summaries under the prefix and its signing secret: nothing else', () => {
    const statements = statementsOfRole(template, link).filter((s) => !String(s.Action).startsWith('logs:'));
    const objects = (suffix: string) => ({
      'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/reports/*${suffix}`]],
    });
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: { Ref: secretId },
      },
      // Not the map, exports, parts, FOCUS files or email markers (which hold links); no listing at all.
      {
        Sid: 'ReadServedReports',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: [objects('.xlsx'), objects('.summary.json')],
      },
    ]);
    expect(JSON.stringify(statements)).not.toContain('s3:List');
    const logs = statementsOfRole(template, link).filter((s) => String(s.Action).startsWith('logs:'));
    expect(logs).toHaveLength(1);
  });

  it('generates the signing secret in Secrets Manager, so its value is never in the template', () => {
    const [, secret] =
      resources(template, 'AWS::SecretsManager::Secret').find(([id]) => id === secretId) ?? [];
    expect(secret?.Properties.GenerateSecretString).toEqual({
      SecretStringTemplate: '{}',
      GenerateStringKey: 'current',
      PasswordLength: 64,
      ExcludePunctuation: true,
    });
    expect(secret?.Properties.SecretString).toBeUndefined();
  });

  it('wires the link into the report function, which may also read the signing secret', () => {
    expect(variablesOf(report)).toMatchObject({
      LINK_BASE_URL: { 'Fn::GetAtt': [urlId, 'FunctionUrl'] },
      LINK_SIGNING_SECRET: { Ref: secretId },
      LINK_TTL_SECONDS: '2592000',
    });
    expect(statementsOfRole(template, report)).toContainEqual({
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      Resource: { Ref: secretId },
    });
  });

  it('prints the base URL and the secret id as stack outputs', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.DownloadBaseUrl?.Value).toEqual({ 'Fn::GetAtt': [urlId, 'FunctionUrl'] });
    expect(outputs.LinkSigningSecretId?.Value).toEqual({ Ref: secretId });
  });

  it('raises alarms on its errors and 5xx answers, its throttles and a burst of 4xx, to the stack’s topic', () => {
    const [topicId] = resources(template, 'AWS::SNS::Topic')[0] ?? [];
    const alarms = resources(template, 'AWS::CloudWatch::Alarm')
      .map(([, a]) => a)
      .filter((a) => JSON.stringify(a.Properties).includes(linkId));
    expect(alarms).toHaveLength(3);
    const metricsOf = (alarm: CfnResource) =>
      alarm.Properties.Metrics
        ? (alarm.Properties.Metrics as { MetricStat?: { Metric: { MetricName: string } } }[])
            .map((m) => m.MetricStat?.Metric.MetricName)
            .filter(Boolean)
            .sort()
        : [alarm.Properties.MetricName];
    const byMetrics = Object.fromEntries(
      alarms.map((alarm) => [metricsOf(alarm).join('+'), alarm.Properties]),
    );
    expect(Object.keys(byMetrics).sort()).toEqual(['Errors+Url5xxCount', 'Throttles', 'Url4xxCount']);
    const common = {
      AlarmActions: [{ Ref: topicId }],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    };
    expect(byMetrics['Errors+Url5xxCount']).toMatchObject({ ...common, Threshold: 1 });
    expect(byMetrics.Throttles).toMatchObject({
      ...common,
      Threshold: LINK_THROTTLES_ALARM,
      Statistic: 'Sum',
      Period: 300,
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: linkId } }],
    });
    expect(byMetrics.Url4xxCount).toMatchObject({
      ...common,
      Threshold: LINK_4XX_BURST_ALARM,
      Statistic: 'Sum',
      Period: 300,
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: linkId } }],
    });
    // A finance team's clicks stay far below; a flood or a forgery run does not.
    expect(LINK_THROTTLES_ALARM).toBeGreaterThan(1);
    expect(LINK_4XX_BURST_ALARM).toBeLessThan(416);
  });
});

describe('the stack with durableLinks=false', () => {
  it(
    'has no link service, and caps the presigned link at SigV4’s 7 days',
    () => {
      const template = Template.fromStack(
        buildStack({ durableLinks: 'false', distributedRuns: 'false' }).stack,
      );
      template.resourceCountIs('AWS::Lambda::Url', 0);
      template.resourceCountIs('AWS::Lambda::Function', 1);
      const [, fn] = resources(template, 'AWS::Lambda::Function')[0] as [string, CfnResource];
      expect(variablesOf(fn).LINK_TTL_SECONDS).toBe('604800');
      expect(variablesOf(fn).LINK_BASE_URL).toBeUndefined();
      expect(template.toJSON().Outputs.DownloadBaseUrl).toBeUndefined();
    },
    SYNTH_TIMEOUT,
  );
});

describe('the link service with an existing bucket and another prefix', () => {
  it(
    'reads only under that prefix of that bucket, and cdk-nag finds nothing unacknowledged',
    () => {
      const { app, stack } = buildStack({
        bucketName: 'acme-finance-reports',
        reportPrefix: 'devin/chargeback/',
      });
      const template = Template.fromStack(stack);
      const [, link] = linkFunction(template);
      expect(variablesOf(link)).toMatchObject({
        REPORT_BUCKET: 'acme-finance-reports',
        REPORT_PREFIX: 'devin/chargeback/',
      });
      const text = JSON.stringify(statementsOfRole(template, link));
      expect(text).toContain(':s3:::acme-finance-reports/devin/chargeback/*');
      expect(text).not.toContain('s3:PutObject');
      expect(new AwsSolutionsChecks(app).validateScope(app).violations).toEqual([]);
    },
    SYNTH_TIMEOUT,
  );
});
