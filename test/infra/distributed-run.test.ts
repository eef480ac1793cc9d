import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { WINDOW_CONCURRENCY, WINDOW_RETRY } from '#distributed/window-retry.js';
import { buildStack } from './support/build-stack.js';

interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
}

interface State {
  readonly Type: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly MaxConcurrency?: number;
  readonly ItemsPath?: string;
  readonly ItemSelector?: Record<string, unknown>;
  readonly ResultPath?: string;
  readonly Retry?: Record<string, unknown>[];
  readonly Catch?: { ErrorEquals: string[]; Next: string }[];
  readonly Parameters?: Record<string, unknown>;
  readonly Resource?: unknown;
  readonly ItemProcessor?: { StartAt: string; States: Record<string, State> };
}

const SYNTH_TIMEOUT = 120_000;

/** The definition with the function ARNs' tokens replaced by their logical ids. */
function definitionOf(template: Template): { StartAt: string; States: Record<string, State> } {
  const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as CfnResource[];
  expect(machines).toHaveLength(1);
  const definition = machines[0]?.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] };
  const parts = definition['Fn::Join'][1];
  const text = parts
    .map((part) =>
      typeof part === 'string'
        ? part
        : `<${((part as { 'Fn::GetAtt'?: string[] })['Fn::GetAtt'] ?? ['?'])[0]}>`,
    )
    .join('');
  return JSON.parse(text);
}

function functionIdWithHandler(template: Template, handler: string): string {
  const found = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
    ([, fn]) => (fn as CfnResource).Properties.Handler === handler,
  );
  expect(found, handler).toHaveLength(1);
  return found[0]?.[0] ?? '';
}

/** Every statement of the policies attached to `fn`'s role. */
function roleStatements(template: Template, fn: CfnResource): Record<string, unknown>[] {
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify((p as CfnResource).Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(
      (p) =>
        ((p as CfnResource).Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );
}

describe('the distributed run (-c distributedRuns=true)', () => {
  let template: Template;
  let states: Record<string, State>;
  let startAt: string;
  let machineId: string;

  beforeAll(() => {
    template = Template.fromStack(buildStack({ distributedRuns: 'true' }).stack);
    const definition = definitionOf(template);
    states = definition.States;
    startAt = definition.StartAt;
    machineId = Object.keys(template.findResources('AWS::StepFunctions::StateMachine'))[0] ?? '';
  }, SYNTH_TIMEOUT);

  it('maps over the windows, at most WINDOW_CONCURRENCY at once, the parts joining the input', () => {
    const map = states[startAt];
    expect(map?.Type).toBe('Map');
    expect(map?.MaxConcurrency).toBe(WINDOW_CONCURRENCY);
    expect(map?.ItemsPath).toBe('$.windows');
    expect(map?.ResultPath).toBe('$.parts');
    expect(map?.ItemSelector).toEqual({
      'runId.$': '$.runId',
      'filters.$': '$.filters',
      'index.$': '$$.Map.Item.Value.index',
      window: { 'from.$': '$$.Map.Item.Value.from', 'to.$': '$$.Map.Item.Value.to' },
    });
  });

  it('invokes the window step with retries and backoff, on its own handler', () => {
    const processor = states[startAt]?.ItemProcessor;
    const task = processor?.States[processor.StartAt];
    expect(task?.Type).toBe('Task');
    expect(task?.End).toBe(true);
    expect(task?.Resource).toBe(`<${functionIdWithHandler(template, 'index.windowHandler')}>`);
    expect(task?.Retry).toContainEqual({
      ErrorEquals: ['States.ALL'],
      MaxAttempts: WINDOW_RETRY.retries,
      IntervalSeconds: WINDOW_RETRY.intervalSeconds,
      BackoffRate: WINDOW_RETRY.backoffRate,
    });
  });

  it('runs the merge step after the map, with the whole state as its event, and ends', () => {
    const merge = states[states[startAt]?.Next ?? ''];
    expect(merge?.Type).toBe('Task');
    expect(merge?.End).toBe(true);
    expect(merge?.Resource).toBe(`<${functionIdWithHandler(template, 'index.mergeHandler')}>`);
    // No Parameters: the merge gets the whole state, the run with its parts, as its event.
    expect(merge?.Parameters).toBeUndefined();
    // No blind retry of a 15-minute merge beyond Lambda's own service errors.
    expect(JSON.stringify(merge?.Retry ?? [])).not.toContain('States.ALL');
  });

  it('ends a failed window or merge in a Fail state', () => {
    for (const name of [startAt, states[startAt]?.Next ?? '']) {
      const caught = states[name]?.Catch?.[0];
      expect(caught?.ErrorEquals).toEqual(['States.ALL']);
      expect(states[caught?.Next ?? '']?.Type).toBe('Fail');
    }
  });

  it('logs every execution and traces it, without execution data (a year of logs outlives any link)', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
      TracingConfiguration: { Enabled: true },
    });
  });

  it('lets the report function start executions, and tells it the machine', () => {
    const reports = Object.values(template.findResources('AWS::Lambda::Function')).filter(
      (fn) =>
        (fn as CfnResource).Properties.Description ===
        'Monthly Devin ACU chargeback report: Devin API -> Excel -> S3 + SES',
    ) as CfnResource[];
    expect(reports).toHaveLength(1);
    const report = reports[0] as CfnResource;
    const variables = (report.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.STATE_MACHINE_ARN).toEqual({ Ref: machineId });
    const statements = roleStatements(template, report);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'states:StartExecution',
        Effect: 'Allow',
        Resource: { Ref: machineId },
      }),
    );
  });

  it('lets the window step read the Devin key and write its run’s parts, nothing else', () => {
    const fns = template.findResources('AWS::Lambda::Function');
    const statementsOf = (handler: string) =>
      roleStatements(template, fns[functionIdWithHandler(template, handler)] as CfnResource);
    const window = statementsOf('index.windowHandler');
    const actions = window.flatMap((st) => [st.Action].flat() as string[]).sort();
    // Its own log group's writes, from the function construct, and the two grants above.
    expect(actions).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:AbortMultipartUpload',
      's3:PutObject',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
    ]);
    const put = window.find((st) => st.Sid === 'WriteRunParts');
    expect(JSON.stringify(put?.Resource)).toContain('/reports/parts/*');
    // The merge still does what a single run does: send the email, among the rest.
    const merge = statementsOf('index.mergeHandler').flatMap((st) => [st.Action].flat() as string[]);
    expect(merge).toEqual(expect.arrayContaining(['ses:SendRawEmail', 's3:DeleteObject', 's3:GetObject']));
  });

  it('gives the merge exactly the report role’s data grants, minus starting runs, the failure queue and the deployment check, plus deleting parts', () => {
    const fns = template.findResources('AWS::Lambda::Function');
    const report = Object.entries(fns).find(
      ([, fn]) =>
        (fn as CfnResource).Properties.Handler === 'index.handler' &&
        JSON.stringify(fn).includes('STATE_MACHINE_ARN'),
    )?.[1] as CfnResource;
    const merge = fns[functionIdWithHandler(template, 'index.mergeHandler')] as CfnResource;
    const notLogs = (st: Record<string, unknown>) => !String([st.Action].flat()[0]).startsWith('logs:');
    const byText = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    const reportData = roleStatements(template, report)
      .filter(notLogs)
      .filter((st) => !/^(sqs|states):/.test(String([st.Action].flat()[0])))
      // The {"check":true} event is the report function's alone: the merge never checks SES or SNS.
      .filter((st) => st.Sid !== 'CheckSesIdentitiesAndQuota' && st.Sid !== 'CheckAlarmSubscription');
    const mergeData = roleStatements(template, merge).filter(notLogs);
    const deleteParts = mergeData.find((st) => st.Sid === 'DeleteRunParts');
    expect(deleteParts).toMatchObject({ Effect: 'Allow', Action: 's3:DeleteObject' });
    expect(JSON.stringify(deleteParts?.Resource)).toContain('/reports/parts/*');
    expect([...mergeData].sort(byText)).toEqual([...reportData, deleteParts].sort(byText));
  });

  it('alarms when an execution fails, times out or is aborted', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as CfnResource[];
    const alarm = alarms.find((a) =>
      String(a.Properties.AlarmDescription).includes('distributed chargeback run'),
    );
    const metrics = JSON.stringify(alarm?.Properties.Metrics);
    for (const name of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'])
      expect(metrics).toContain(name);
    expect(metrics).toContain(machineId);
    expect(alarm?.Properties.AlarmActions).toHaveLength(1);
  });

  it('gives the steps the report’s configuration, and the window step no reserved concurrency', () => {
    const fns = template.findResources('AWS::Lambda::Function');
    const window = fns[functionIdWithHandler(template, 'index.windowHandler')] as CfnResource;
    const merge = fns[functionIdWithHandler(template, 'index.mergeHandler')] as CfnResource;
    expect(window.Properties.ReservedConcurrentExecutions).toBeUndefined();
    expect(merge.Properties.ReservedConcurrentExecutions).toBe(1);
    const vars = (fn: CfnResource) =>
      (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(vars(merge).REPORT_BUCKET).toEqual(vars(window).REPORT_BUCKET);
    expect(vars(merge).STATE_MACHINE_ARN).toBeUndefined();
  });

  it(
    'is absent with distributedRuns=false',
    () => {
      const off = Template.fromStack(buildStack({ distributedRuns: 'false' }).stack);
      off.resourceCountIs('AWS::StepFunctions::StateMachine', 0);
    },
    SYNTH_TIMEOUT,
  );
});
