import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  DefinitionBody,
  Fail,
  JsonPath,
  LogLevel,
  Map as MapState,
  StateMachine,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { WINDOW_CONCURRENCY, WINDOW_RETRY } from '#distributed/window-retry.js';
import { acknowledgeWildcardResources } from '../nag/acknowledge-wildcard-resources.js';
import { acknowledgeNist, NIST_REASONS } from '../nag/nist-acknowledgements.js';
import { ReportFunction } from './report-function.js';

export interface DistributedRunProps {
  /** The report function's environment: the steps run the same code with the same configuration. */
  readonly environment: Readonly<Record<string, string>>;
  /** Defaults to the real handler; tests of the template point it elsewhere. */
  readonly entry?: string | undefined;
  readonly bucket: IBucket;
  readonly reportPrefix: string;
  /** The stack key, for the steps' and the state machine's log groups. */
  readonly encryptionKey?: IKey | undefined;
}

/**
 * A month too big for one invocation: Map over the run's time windows (each window step fetches
 * its slice into an S3 part, retried per window), then one merge step that joins the parts and
 * runs the same job as a single run. Both steps are the report function's code under other
 * handler names; the report function starts executions (StartExecution), so it is not one of them.
 */
export class DistributedRun extends Construct {
  readonly stateMachine: StateMachine;
  readonly windowFunction: ReportFunction;
  readonly mergeFunction: ReportFunction;

  constructor(scope: Construct, id: string, props: DistributedRunProps) {
    super(scope, id);
    this.windowFunction = new ReportFunction(this, 'Window', {
      entry: props.entry,
      environment: props.environment,
      handler: 'windowHandler',
      description: 'Devin ACU chargeback, distributed run: one time window of sessions into an S3 part',
      // The Map bounds how many run at once; a reservation would only take from the account's pool.
      reservedConcurrentExecutions: undefined,
      encryptionKey: props.encryptionKey,
    });
    acknowledgeNist(
      this.windowFunction.function,
      'LambdaConcurrency',
      'Only the state machine invokes it, and its Map runs at most WINDOW_CONCURRENCY windows at once; a ' +
        "reservation would only take that many from the account's unreserved pool all the time.",
    );
    this.mergeFunction = new ReportFunction(this, 'Merge', {
      entry: props.entry,
      environment: props.environment,
      handler: 'mergeHandler',
      description:
        'Devin ACU chargeback, distributed run: the parts joined into the workbook, exports and email',
      encryptionKey: props.encryptionKey,
    });
    for (const step of [this.windowFunction, this.mergeFunction]) {
      acknowledgeNist(
        step.function,
        'LambdaDLQ',
        'Invoked synchronously by the state machine only: a failure is caught by it (retried per window, then ' +
          'the ReportFailed state) and raises DistributedRunFailures; no asynchronous event exists to keep.',
      );
    }

    // The merge removes the run's parts once the report is stored; nothing else of the prefix.
    const parts = props.bucket.arnForObjects(`${props.reportPrefix}parts/*`);
    this.mergeFunction.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'DeleteRunParts',
        effect: Effect.ALLOW,
        actions: ['s3:DeleteObject'],
        resources: [parts],
      }),
    );
    acknowledgeWildcardResources(this.mergeFunction.role, [
      {
        resource: parts,
        reason: 'Run ids are made at run time: the merge deletes its own run’s parts under parts/.',
      },
    ]);

    const window = new LambdaInvoke(this, 'FetchWindow', {
      lambdaFunction: this.windowFunction.function,
      payloadResponseOnly: true,
      comment: 'One window of sessions into <prefix>parts/<runId>/<index>.sessions.jsonl',
    });
    // A window is all or nothing (its part appears only once whole), so retrying it is always safe.
    window.addRetry({
      errors: ['States.ALL'],
      maxAttempts: WINDOW_RETRY.retries,
      interval: Duration.seconds(WINDOW_RETRY.intervalSeconds),
      backoffRate: WINDOW_RETRY.backoffRate,
    });

    const windows = new MapState(this, 'Windows', {
      comment: 'Every window of the period, at most WINDOW_CONCURRENCY at once',
      itemsPath: JsonPath.stringAt('$.windows'),
      maxConcurrency: WINDOW_CONCURRENCY,
      itemSelector: {
        runId: JsonPath.stringAt('$.runId'),
        filters: JsonPath.objectAt('$.filters'),
        index: JsonPath.numberAt('$$.Map.Item.Value.index'),
        window: {
          from: JsonPath.stringAt('$$.Map.Item.Value.from'),
          to: JsonPath.stringAt('$$.Map.Item.Value.to'),
        },
      },
      // The parts join the run's input: the merge step gets the run and its parts in one event.
      resultPath: '$.parts',
    });
    windows.itemProcessor(window);

    const merge = new LambdaInvoke(this, 'MergeParts', {
      lambdaFunction: this.mergeFunction.function,
      // No payload: the function gets the whole state (the run and its parts) as its event.
      payloadResponseOnly: true,
      comment: 'Parts joined, then the single run’s job: workbook, exports, FOCUS, summary, email once',
    });
    // No blind retry of the merge (15 minutes of the same error, like the report function): it
    // fails the execution, the alarm fires, and a person re-invokes the month (idempotent).
    const failed = new Fail(this, 'ReportFailed', {
      comment: 'A window failed after its retries, or the merge failed: no report, no email',
      error: 'DistributedRunFailed',
    });
    windows.addCatch(failed, { resultPath: '$.error' });
    merge.addCatch(failed, { resultPath: '$.error' });

    const logs = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
      ...(props.encryptionKey && { encryptionKey: props.encryptionKey }),
    });
    if (props.encryptionKey === undefined) {
      acknowledgeNist(logs, 'CloudWatchLogGroupEncrypted', NIST_REASONS.logGroupKey);
    }
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'Devin ACU chargeback for a month too big for one Lambda invocation',
      definitionBody: DefinitionBody.fromChainable(windows.next(merge)),
      // Windows in parallel plus a 15-minute merge; far more than any month needs.
      timeout: Duration.hours(6),
      tracingEnabled: true,
      // Every transition is logged, without its data: the log group is kept a year, longer than any
      // link lives, and an input or output is one careless change away from holding one. The merge
      // step returns no link either (MergeResult), so the 90-day execution history holds none.
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    acknowledgeNist(this.stateMachine.role, 'IAMNoInlinePolicy', NIST_REASONS.inlinePolicy);
    acknowledgeWildcardResources(this.stateMachine.role, [
      ...[this.windowFunction, this.mergeFunction].map((step) => ({
        resource: `${step.function.functionArn}:*`,
        reason:
          'LambdaInvoke grants the function and its versions/aliases (ARN:*); the state machine invokes only these two.',
      })),
      {
        resource: '*',
        reason:
          'X-Ray trace segments and CloudWatch Logs delivery (logs:CreateLogDelivery, …) accept no resource but "*".',
      },
    ]);
  }

  /** The report function may start executions of this machine, and learns its ARN. */

  grantStart(role: IRole): void {
    this.stateMachine.grantStartExecution(role);
  }
}
