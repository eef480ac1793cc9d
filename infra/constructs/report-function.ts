import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Size, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNist, NIST_REASONS } from '../nag/nist-acknowledgements.js';
import { chartAssetHooks } from './chart-assets.js';
import { LAMBDA_ESM_BUNDLING } from './node-bundling.js';

/** The one place infra knows about functions/: the Lambda entry. */
export const HANDLER_ENTRY = fileURLToPath(new URL('../../functions/chargeback/handler.ts', import.meta.url));

export interface ReportFunctionProps {
  readonly environment: Readonly<Record<string, string>>;
  /**
   * Receives the event of every asynchronous run that failed, so no month disappears silently.
   * The distributed run's steps are invoked synchronously by Step Functions and have none.
   */
  readonly failedRuns?: IQueue | undefined;
  /** Defaults to the real handler; tests of the template point it elsewhere. */
  readonly entry?: string | undefined;
  /** The entry's export: `handler` (default), or a distributed step's `windowHandler`/`mergeHandler`. */
  readonly handler?: string | undefined;
  readonly description?: string | undefined;
  /** Default 1: two runs must never race on one month. `undefined` leaves it unreserved. */
  readonly reservedConcurrentExecutions?: number | undefined;
  /** The stack key, for the log group; absent: CloudWatch Logs' own encryption. */
  readonly encryptionKey?: IKey | undefined;
}

/** The monthly report function with every default decided here rather than inherited. */
export class ReportFunction extends Construct {
  readonly function: NodejsFunction;
  /** The function's own role, for the grants the stack adds. */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ReportFunctionProps) {
    super(scope, id);

    const logGroup = new LogGroup(this, 'Logs', {
      // A year covers twelve monthly runs, enough to answer "what happened with March?".
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
      ...(props.encryptionKey && { encryptionKey: props.encryptionKey }),
    });
    if (props.encryptionKey === undefined) {
      acknowledgeNist(logGroup, 'CloudWatchLogGroupEncrypted', NIST_REASONS.logGroupKey);
    }

    // An explicit role instead of AWSLambdaBasicExecutionRole, so logs may go to this log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Devin ACU chargeback report function',
    });
    logGroup.grantWrite(this.role);
    acknowledgeNist(this.role, 'IAMNoInlinePolicy', NIST_REASONS.inlinePolicy);

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry ?? HANDLER_ENTRY,
      handler: props.handler ?? 'handler',
      description: props.description ?? 'Monthly Devin ACU chargeback report: Devin API -> Excel -> S3 + SES',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      // Measured (npm run bench -- 1100000): the whole run peaks at about 0.7 GB at 1.1 M sessions,
      // since sessions are spooled to /tmp, not held. 2048 MB leaves room for the larger months the
      // planner lets through and gives a little over one vCPU for the single-threaded write.
      memorySize: 2048,
      // The maximum: ~2,500 API pages plus the workbook must finish in one invocation.
      timeout: Duration.minutes(15),
      // /tmp holds the run's session spool (about 290 bytes a session: 1.4 GB at 5 M), the merge's
      // downloaded window parts until they are joined (as much again), the FOCUS file's scratch copy
      // (about 85 bytes a session) and the workbook (at most about 250 MB, capped at 1 M rows). 10 GiB,
      // the maximum, covers a 5 M-session merge with room; it costs a fraction of a cent a run.
      ephemeralStorageSize: Size.gibibytes(10),
      role: this.role,
      logGroup,
      // Without this flag Node ignores the bundled source map and stack traces point into minified code.
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      // Two runs must never race on the same month's objects and email marker.
      reservedConcurrentExecutions:
        'reservedConcurrentExecutions' in props ? props.reservedConcurrentExecutions : 1,
      // The Scheduler invokes asynchronously, so its retries cover delivery only. A run that failed
      // after the API client's own retries is not retried blindly (15 more minutes of the same error);
      // it goes to the failed-runs queue, the alarm fires, and a person re-invokes (safe: idempotent).
      retryAttempts: 0,
      // Events throttled behind a running invocation (manual run at schedule time) wait this long.
      maxEventAge: Duration.hours(6),
      ...(props.failedRuns && { onFailure: new SqsDestination(props.failedRuns) }),
      bundling: {
        ...LAMBDA_ESM_BUNDLING,
        // The chart renderer's WebAssembly and fonts, which esbuild cannot inline.
        commandHooks: chartAssetHooks(),
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to Node.js 24 (Node 22 reaches end of life in April 2027), the runtime the bundle is built for; ' +
        'a runtime change should be a reviewed commit, not a side effect of a newer CDK.',
    });
    acknowledgeNist(this.function, 'LambdaInsideVPC', NIST_REASONS.outsideVpc);
    if (props.failedRuns) {
      acknowledgeNist(
        this.function,
        'LambdaDLQ',
        'Its asynchronous failures go to the failed-runs queue as its OnFailure destination (with the error and ' +
          'the event, which a dead-letter queue would not keep), raising FailedRunsWaiting; a DLQ would duplicate it.',
      );
    }
  }
}
