import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStack } from './support/build-stack.js';

interface LambdaResource {
  readonly Properties: {
    readonly Environment?: { readonly Variables: Record<string, unknown> };
    readonly Runtime?: unknown;
  };
}

const SYNTH_TIMEOUT = 120_000;

function runtimes(template: Template): unknown[] {
  return Object.values(template.findResources('AWS::Lambda::Function')).map(
    (fn) => (fn as { Properties: { Runtime?: unknown } }).Properties.Runtime,
  );
}

/** The report function's environment: the one function whose variables include EMAIL_SENDER and no Handler override. */
function reportVariables(template: Template): Record<string, unknown> {
  const functions = Object.entries(template.findResources('AWS::Lambda::Function')) as [
    string,
    LambdaResource,
  ][];
  const report = functions.filter(([id]) => id.startsWith('Report'));
  expect(report, 'exactly one report function').toHaveLength(1);
  return report[0]?.[1].Properties.Environment?.Variables ?? {};
}

// Issue 31: a bank's review flags an attachment that bypasses the link service, and a default
// sized for 10 M sessions adds 55 resources most deployments never use.
describe('the default stack is link-only and single-invocation', () => {
  let defaults: Template;

  beforeAll(() => {
    defaults = Template.fromStack(buildStack().stack);
  }, SYNTH_TIMEOUT);

  it('attaches no workbook unless attachMaxBytes says so', () => {
    expect(reportVariables(defaults).ATTACH_MAX_BYTES).toBe('0');
  });

  it('has no Step Functions state machine, window or merge function', () => {
    defaults.resourceCountIs('AWS::StepFunctions::StateMachine', 0);
    expect(reportVariables(defaults).STATE_MACHINE_ARN).toBeUndefined();
    // The report function and the link service only.
    defaults.resourceCountIs('AWS::Lambda::Function', 2);
  });

  it(
    'attaches a workbook up to attachMaxBytes when the operator opts in',
    () => {
      const template = Template.fromStack(buildStack({ attachMaxBytes: '7000000' }).stack);
      expect(reportVariables(template).ATTACH_MAX_BYTES).toBe('7000000');
    },
    SYNTH_TIMEOUT,
  );

  it('runs every function on Node.js 24 (Node 22 reaches end of life in April 2027)', () => {
    expect(runtimes(defaults)).toEqual(['nodejs24.x', 'nodejs24.x']);
  });

  it(
    'adds the state machine with -c distributedRuns=true, its steps on Node.js 24 too',
    () => {
      const template = Template.fromStack(buildStack({ distributedRuns: 'true' }).stack);
      template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
      expect(reportVariables(template).STATE_MACHINE_ARN).toBeDefined();
      expect(runtimes(template)).toEqual(Array.from({ length: 4 }, () => 'nodejs24.x'));
    },
    SYNTH_TIMEOUT,
  );
});
