import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Effect, type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, type FunctionUrl, FunctionUrlAuthType, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { grantKeyUse } from '../kms-permissions.js';
import { encryptSecretWith } from '../kms-secret.js';
import { acknowledgeWildcardResources } from '../nag/acknowledge-wildcard-resources.js';
import { acknowledgeNist, NIST_REASONS } from '../nag/nist-acknowledgements.js';
import { LAMBDA_ESM_BUNDLING } from './node-bundling.js';

/** The objects the link service may read: `<prefix>*.xlsx` and `<prefix>*.summary.json`. */
export function servedObjectArns(bucket: IBucket, reportPrefix: string): string[] {
  return [
    bucket.arnForObjects(`${reportPrefix}*.xlsx`),
    bucket.arnForObjects(`${reportPrefix}*.summary.json`),
  ];
}

/** The link service's Lambda entry. */
export const LINK_HANDLER_ENTRY = fileURLToPath(new URL('../../functions/links/handler.ts', import.meta.url));

/**
 * A few at once: a finance team's clicks are far below it, and a flood of
 * requests is throttled (429) instead of running up the bill. It comes out of
 * the account's concurrency, of which AWS keeps 10 unreserved.
 */
export const LINK_RESERVED_CONCURRENCY = 3;

/**
 * Throttles in five minutes that raise the alarm: a mail scanner opening a link for fifty
 * recipients at once may be throttled a few times; a flood is throttled far more.
 */
export const LINK_THROTTLES_ALARM = 10;
/** 4xx answers in five minutes that raise the alarm: a team's stale links stay far below it. */
export const LINK_4XX_BURST_ALARM = 25;

export interface DownloadLinkServiceProps {
  readonly bucket: IBucket;
  /** Only workbooks under this prefix are ever served. */
  readonly reportPrefix: string;
  /** Defaults to the real handler; tests of the template point it elsewhere. */
  readonly entry?: string | undefined;
  /** The stack key: the signing secret and the log group use it, and the role may decrypt with it. */
  readonly encryptionKey?: IKey | undefined;
}

/**
 * The durable-link service: a small function behind a public Function URL
 * that checks a signed token and answers with a landing page or a 302 to a
 * presigned GET of a few minutes. It may only read report objects and its
 * signing secret, which the stack generates (the value never enters the template).
 */
export class DownloadLinkService extends Construct {
  readonly function: NodejsFunction;
  readonly url: FunctionUrl;
  readonly signingSecret: Secret;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: DownloadLinkServiceProps) {
    super(scope, id);

    this.signingSecret = new Secret(this, 'SigningKeys', {
      description:
        'HMAC keys of the Devin chargeback download links: {"current":"...","previous":"..."}. A new value ' +
        'revokes every link signed with a key it no longer holds.',
      generateSecretString: {
        secretStringTemplate: '{}',
        generateStringKey: 'current',
        passwordLength: 64,
        excludePunctuation: true,
      },
      // Links signed with a destroyed stack's keys must not outlive it.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.signingSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating this key revokes every download link already emailed, so it is rotated by a person, on purpose, ' +
        'with the README procedure (new "current", old kept as "previous"); a schedule would break links finance relies on.',
    });
    acknowledgeNist(
      this.signingSecret,
      'SecretsManagerRotationEnabled',
      'Rotating this key revokes every download link already emailed, so a person rotates it on purpose (new ' +
        '"current", the old one kept as "previous"); a rotation schedule would break links finance relies on.',
    );
    if (props.encryptionKey === undefined) {
      acknowledgeNist(this.signingSecret, 'SecretsManagerUsingKMSKey', NIST_REASONS.secretKey);
    } else {
      encryptSecretWith(this.signingSecret, props.encryptionKey);
    }

    const logGroup = new LogGroup(this, 'Logs', {
      // The access log: a year answers "who opened last March's report?".
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
      ...(props.encryptionKey && { encryptionKey: props.encryptionKey }),
    });
    if (props.encryptionKey === undefined) {
      acknowledgeNist(logGroup, 'CloudWatchLogGroupEncrypted', NIST_REASONS.logGroupKey);
    }
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Devin chargeback download-link service: reads reports and its signing keys, nothing else',
    });
    logGroup.grantWrite(this.role);
    acknowledgeNist(this.role, 'IAMNoInlinePolicy', NIST_REASONS.inlinePolicy);
    // It only reads: workbooks, summaries and its signing keys.
    grantKeyUse(this.role, props.encryptionKey, 'read');

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry ?? LINK_HANDLER_ENTRY,
      handler: 'handler',
      description: 'Devin chargeback download links: signed token -> landing page or short presigned S3 GET',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      // A HEAD, a small JSON read and an HMAC: the smallest useful size.
      memorySize: 256,
      timeout: Duration.seconds(10),
      role: this.role,
      logGroup,
      reservedConcurrentExecutions: LINK_RESERVED_CONCURRENCY,
      environment: {
        REPORT_BUCKET: props.bucket.bucketName,
        REPORT_PREFIX: props.reportPrefix,
        LINK_SIGNING_SECRET: this.signingSecret.secretArn,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: LAMBDA_ESM_BUNDLING,
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to Node.js 24 like the report function, the runtime the bundle is built for; ' +
        'a runtime change should be a reviewed commit, not a side effect of a newer CDK.',
    });

    acknowledgeNist(this.function, 'LambdaInsideVPC', NIST_REASONS.outsideVpc);
    acknowledgeNist(
      this.function,
      'LambdaDLQ',
      'Invoked synchronously by its Function URL only: a failure is the answer to that request (a 5xx page, ' +
        'counted by the ErrorsAlarm); there is no asynchronous event a dead-letter queue could keep.',
    );

    // Public on purpose: the signed token is the credential, checked in constant time by the function.
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    acknowledgeNist(
      this.function,
      'LambdaFunctionPublicAccessProhibited',
      'The Function URL is public by design: finance opens emailed links in a browser without AWS credentials. ' +
        'Every request carries an HMAC-signed token the function checks in constant time (expiry, key, object), ' +
        'and it serves only workbooks and summaries under the report prefix; throttles and 4xx bursts alarm.',
    );

    this.signingSecret.grantRead(this.role);
    // Exactly what a page shows: workbooks and the summaries beside them. Not the cost-centre map,
    // sessions exports, parts, FOCUS files or email markers (which hold durable links), even if the
    // code that refuses any other key were wrong. GetObject also covers the HEAD and the presigned GET.
    const servedObjects = servedObjectArns(props.bucket, props.reportPrefix);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ReadServedReports',
        effect: Effect.ALLOW,
        actions: ['s3:GetObject'],
        resources: servedObjects,
      }),
    );
    // No s3:ListBucket: S3 then answers a missing workbook with 403 instead of 404, which the
    // service reads as "not there" (the role may read every servable key, so a refusal means it is
    // gone). A prefix condition would not help: S3's missing-key check carries no s3:prefix.
    acknowledgeWildcardResources(
      this.role,
      servedObjects.map((resource) => ({
        resource,
        reason:
          'Read-only, workbooks and their summaries under the report prefix of one bucket only; the function ' +
          'also refuses any key a token names outside it, and presigns GETs only.',
      })),
    );
  }

  /** What the report function needs to sign links to this service. */
  get reportEnvironment(): Readonly<Record<string, string>> {
    return { LINK_BASE_URL: this.url.url, LINK_SIGNING_SECRET: this.signingSecret.secretArn };
  }

  /** The report function signs with the same keys; it may read them, nothing more. */
  grantSigning(role: IRole): void {
    this.signingSecret.grantRead(role);
  }

  /**
   * Raises an alarm when the function fails (thrown errors, timeouts, the 5xx pages it answers),
   * when it is throttled (a flood of requests beyond its reserved concurrency), and on a burst of
   * 4xx answers (refused, forged or expired tokens, probing for paths): an attack shows up at once.
   */
  alarmTo(topic: ITopic): Alarm[] {
    const period = Duration.minutes(5);
    const errors = new Alarm(this, 'ErrorsAlarm', {
      alarmDescription:
        'The download-link service failed (an error, a timeout or a 500 page): finance may not be able to ' +
        'download the report. See its log group.',
      metric: new MathExpression({
        expression: 'FILL(errors, 0) + FILL(url5xx, 0)',
        usingMetrics: {
          errors: this.function.metricErrors({ period, statistic: 'Sum' }),
          url5xx: this.function.metric('Url5xxCount', { period, statistic: 'Sum' }),
        },
        period,
        label: 'Link function errors and 5xx answers',
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const throttles = new Alarm(this, 'ThrottlesAlarm', {
      alarmDescription:
        `The download-link service was throttled at its ${LINK_RESERVED_CONCURRENCY} reserved executions: a flood ` +
        'of requests (a leaked link being hammered, or a scan). The access log names the token id and source IP; ' +
        'the README says how to revoke links.',
      metric: this.function.metricThrottles({ period, statistic: 'Sum' }),
      threshold: LINK_THROTTLES_ALARM,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const refusals = new Alarm(this, 'ClientErrorsAlarm', {
      alarmDescription:
        'A burst of 4xx answers from the download-link service: forged, tampered or expired tokens or path ' +
        'probing, far above what a finance team clicks. See the access log (outcome, reason, tokenId, sourceIp).',
      metric: this.function.metric('Url4xxCount', { period, statistic: 'Sum' }),
      threshold: LINK_4XX_BURST_ALARM,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const alarms = [errors, throttles, refusals];
    for (const alarm of alarms) alarm.addAlarmAction(new SnsAction(topic));
    return alarms;
  }
}
