import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { between, tableRows } from '../support/markdown.js';
import { buildStack } from './support/build-stack.js';

/**
 * The README's concurrency, alarm and cost figures, the operations guide's runbook and the diagram are
 * read from the synthesized template, so a change to the stack that the docs do not follow fails here
 * (issue 31: the README said 14 where the template needed 15, and counted 9 alarm metrics of 13).
 */

interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

interface AlarmMetric {
  readonly MetricStat?: { readonly Metric: { readonly Namespace: string; readonly MetricName: string } };
}

type Resources = Record<string, CfnResource>;

/** AWS keeps this much of an account's concurrency unreserved: a function cannot reserve the last 10. */
const UNRESERVED_MINIMUM = 10;

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const OPERATIONS = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');

const resourcesOf = (context: Record<string, unknown> = {}): Resources =>
  Template.fromStack(buildStack(context).stack).toJSON().Resources as Resources;

const ofType = (resources: Resources, type: string): [string, CfnResource][] =>
  Object.entries(resources).filter(([, r]) => r.Type === type);

function reservedConcurrency(resources: Resources): number {
  return ofType(resources, 'AWS::Lambda::Function').reduce(
    (sum, [, fn]) => sum + Number(fn.Properties?.ReservedConcurrentExecutions ?? 0),
    0,
  );
}

/** What CloudWatch bills an alarm for: each metric it reads (a metric-math alarm reads several). */
function alarmMetrics(resources: Resources): { billed: number; custom: Set<string> } {
  let billed = 0;
  const custom = new Set<string>();
  for (const [, alarm] of ofType(resources, 'AWS::CloudWatch::Alarm')) {
    const props = alarm.Properties ?? {};
    const metrics = (props.Metrics as AlarmMetric[] | undefined)?.flatMap((m) =>
      m.MetricStat ? [m.MetricStat.Metric] : [],
    ) ?? [{ Namespace: String(props.Namespace), MetricName: String(props.MetricName) }];
    billed += metrics.length;
    for (const m of metrics)
      if (!m.Namespace.startsWith('AWS/')) custom.add(`${m.Namespace}/${m.MetricName}`);
  }
  return { billed, custom };
}

/** The README's marked table and cost table, by their first cell. */
const FIGURES = between(README, '<!-- template-figures', '<!-- /template-figures -->');
const rows = new Map(tableRows(FIGURES).map(([label = '', value = '']) => [label, value]));

function figure(label: string): number {
  const value = rows.get(label);
  if (value === undefined) throw new Error(`README's template figures have no row ${JSON.stringify(label)}`);
  return Number(value.replace(/,/g, ''));
}

/** A priced cost row, `<item>: N things × $P | $A`, found by its start. */
function pricedRow(start: RegExp): { count: number; unitCents: number; cents: number } {
  for (const [label, value] of rows) {
    const match = start.exec(label);
    if (!match) continue;
    return { count: Number(match[1]), unitCents: cents(match[2] ?? ''), cents: cents(value) };
  }
  throw new Error(`README's cost table has no row matching ${start}`);
}

function cents(text: string): number {
  const match = /\$(\d+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`${JSON.stringify(text)} holds no $ amount`);
  return Number(match[1]) * 100 + Number(match[2]);
}

/** Plumbing the diagram need not draw: roles, policies, log groups, permissions and the like. */
const NOT_DRAWN = new Set([
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::Logs::LogGroup',
  'AWS::S3::BucketPolicy',
  'AWS::SQS::QueuePolicy',
  'AWS::SNS::TopicPolicy',
  'AWS::SNS::Subscription',
  'AWS::Lambda::Permission',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::Scheduler::ScheduleGroup',
  'AWS::Glue::Database',
]);

/** How the diagram names each resource type it draws; counted types need one node per resource. */
const DRAWN: Record<string, { readonly name: RegExp; readonly each?: true }> = {
  'AWS::Scheduler::Schedule': { name: /EventBridge Scheduler/g },
  'AWS::Lambda::Function': { name: /Lambda/g },
  'AWS::Lambda::Url': { name: /Function URL/g },
  'AWS::SQS::Queue': { name: /SQS:/g, each: true },
  'AWS::S3::Bucket': { name: /\[\("S3:/g, each: true },
  'AWS::SecretsManager::Secret': { name: /Secrets Manager:/g, each: true },
  'AWS::StepFunctions::StateMachine': { name: /Step Functions/g },
  'AWS::Glue::Table': { name: /Glue table/g },
  'AWS::Athena::WorkGroup': { name: /Athena workgroup/g },
  'AWS::CloudWatch::Alarm': { name: /CloudWatch alarms/g },
  'AWS::SNS::Topic': { name: /SNS topic/g, each: true },
};

describe("the docs' figures are the synthesized template's", () => {
  let defaults: Resources;
  let withoutLinks: Resources;
  let withDistributed: Resources;
  let linksOffDistributedOn: Resources;
  /** Every optional part on, whatever the defaults become: the runbook and the diagram cover them all. */
  let everything: Resources;

  beforeAll(() => {
    defaults = resourcesOf();
    withoutLinks = resourcesOf({ durableLinks: 'false' });
    withDistributed = resourcesOf({ distributedRuns: 'true' });
    linksOffDistributedOn = resourcesOf({ durableLinks: 'false', distributedRuns: 'true' });
    everything = resourcesOf({ durableLinks: 'true', distributedRuns: 'true' });
  }, 180_000);

  it('the concurrency the stack reserves, and what the account needs for it', () => {
    expect(figure('Lambda functions')).toBe(ofType(defaults, 'AWS::Lambda::Function').length);
    expect(figure('concurrency they reserve')).toBe(reservedConcurrency(defaults));
    expect(figure('account concurrency needed (reserved + the 10 AWS keeps unreserved)')).toBe(
      reservedConcurrency(defaults) + UNRESERVED_MINIMUM,
    );
    expect(figure('… with `durableLinks: false`')).toBe(
      reservedConcurrency(withoutLinks) + UNRESERVED_MINIMUM,
    );
    expect(figure('… with `distributedRuns: true`')).toBe(
      reservedConcurrency(withDistributed) + UNRESERVED_MINIMUM,
    );
    expect(figure('… with both (`durableLinks: false`, `distributedRuns: true`)')).toBe(
      reservedConcurrency(linksOffDistributedOn) + UNRESERVED_MINIMUM,
    );
  });

  it('the alarms, the metrics they bill and the secrets', () => {
    const metrics = alarmMetrics(defaults);
    expect(figure('CloudWatch alarms')).toBe(ofType(defaults, 'AWS::CloudWatch::Alarm').length);
    expect(figure('alarm metrics they bill (a metric-math alarm bills each metric it reads)')).toBe(
      metrics.billed,
    );
    expect(figure('custom metrics (`DevinKeyExpiringSoon`, `PeriodCloseOverdue`)')).toBe(metrics.custom.size);
    expect([...metrics.custom].sort()).toEqual([
      'DevinChargeback/DevinKeyExpiringSoon',
      'DevinChargeback/PeriodCloseOverdue',
    ]);
    expect(figure('Secrets Manager secrets')).toBe(ofType(defaults, 'AWS::SecretsManager::Secret').length);
  });

  it('the cost table prices those counts, and its total is the sum of its rows', () => {
    const secrets = pricedRow(/^Secrets Manager: (\d+) secrets? × (\$[\d.]+)/);
    const alarms = pricedRow(/^CloudWatch: (\d+) alarm metrics? × (\$[\d.]+)/);
    const custom = pricedRow(/^CloudWatch: (\d+) custom metrics? × (\$[\d.]+)/);
    expect(secrets.count).toBe(ofType(defaults, 'AWS::SecretsManager::Secret').length);
    expect(alarms.count).toBe(alarmMetrics(defaults).billed);
    expect(custom.count).toBe(alarmMetrics(defaults).custom.size);
    for (const row of [secrets, alarms, custom]) expect(row.cents).toBe(row.count * row.unitCents);

    const priced = [...rows.values()].filter((value) => /\$\d/.test(value)).map(cents);
    const total = /at most \$(\d+\.\d{2}) a month/.exec(FIGURES);
    expect(total, 'the README states "at most $X a month"').not.toBeNull();
    expect(cents(`$${total?.[1]}`)).toBe(priced.reduce((a, b) => a + b, 0));
  });

  it('the runbook has one entry per alarm of the template, and none for an alarm it lacks', () => {
    const runbook = between(OPERATIONS, '\n## Logs, alarms and the runbook\n', '\n## Teardown\n');
    const entries = [...runbook.matchAll(/^### `(\w+)`/gm)].map((m) => m[1]).sort();
    const alarms = ofType(everything, 'AWS::CloudWatch::Alarm')
      .map(([logicalId]) => logicalId.replace(/[0-9A-F]{8}$/, ''))
      .sort();
    expect(entries).toEqual(alarms);
  });

  it('the diagram draws every kind of resource the stack creates', () => {
    const diagram = between(README, '```mermaid', '```');
    const undrawn = [...new Set(Object.values(everything).map((r) => r.Type))].filter(
      (type) => !NOT_DRAWN.has(type) && DRAWN[type] === undefined,
    );
    expect(undrawn, 'new resource types: draw them, or list them as plumbing').toEqual([]);
    for (const [type, { name, each }] of Object.entries(DRAWN)) {
      const count = ofType(everything, type).length;
      if (count === 0) continue;
      const drawn = diagram.match(name)?.length ?? 0;
      expect(drawn, `${type}: ${count} in the template`).toBeGreaterThanOrEqual(each ? count : 1);
    }
  });

  it('the permissions boundary documented as a setting bounds every role', () => {
    expect(OPERATIONS).toContain('| `@aws-cdk/core:permissionsBoundary` |');
    expect(OPERATIONS).toContain('`{"name": "my-boundary"}`');
    const bounded = resourcesOf({ '@aws-cdk/core:permissionsBoundary': { name: 'my-boundary' } });
    const roles = ofType(bounded, 'AWS::IAM::Role');
    expect(roles.length).toBeGreaterThan(0);
    for (const [id, role] of roles) {
      expect(JSON.stringify(role.Properties?.PermissionsBoundary), id).toContain(':policy/my-boundary');
    }
  }, 60_000);
});
