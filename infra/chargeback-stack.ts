import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { ChargebackConfig } from './config.js';
import { DevinApiKeySecret } from './constructs/devin-api-key-secret.js';
import { FailureAlarms } from './constructs/failure-alarms.js';
import { MonthlySchedule } from './constructs/monthly-schedule.js';
import { ReportBucket } from './constructs/report-bucket.js';
import { ReportFunction } from './constructs/report-function.js';
import { acknowledgeWildcardResources } from './nag/acknowledge-wildcard-resources.js';

export interface ChargebackStackProps extends StackProps {
  readonly config: ChargebackConfig;
  /** Overrides the Lambda entry; only tests of the template use it. */
  readonly handlerEntry?: string | undefined;
}

/** Schedule → function → S3 + SES, with the secret, the failure queue and the alarms around it. */
export class ChargebackStack extends Stack {
  constructor(scope: Construct, id: string, props: ChargebackStackProps) {
    super(scope, id, props);
    const { config } = props;

    // One queue for both ways a run can be lost (undeliverable schedule event, failed invocation):
    // either way finance gets no report and the event to replay is here.
    const failedRuns = new Queue(this, 'FailedRuns', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(failedRuns).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the schedule and the failure destination of the function.',
    });

    const { bucket } = new ReportBucket(this, 'ReportBucket', {
      existingBucketName: config.bucketName,
      transitionDays: config.transitionDays,
    });
    const apiKey = new DevinApiKeySecret(this, 'DevinApiKey', { existing: config.apiKeySecret });

    const report = new ReportFunction(this, 'Report', {
      entry: props.handlerEntry,
      failedRuns,
      environment: {
        REPORT_BUCKET: bucket.bucketName,
        REPORT_PREFIX: config.reportPrefix,
        EMAIL_SENDER: config.sender,
        EMAIL_RECIPIENTS: config.recipients.join(','),
        REPORT_TIMEZONE: config.timezone,
        ACU_PRICE: config.acuPrice,
        CURRENCY: config.currency,
        DEVIN_API_KEY_SECRET: apiKey.secretId,
        LINK_TTL_SECONDS: String(config.linkTtlSeconds),
        ATTACH_MAX_BYTES: String(config.attachMaxBytes),
        ...(config.devinApiUrl === undefined ? {} : { DEVIN_API_URL: config.devinApiUrl }),
      },
    });
    const fn = report.function;

    apiKey.secret.grantRead(fn);

    // Object access stops at the prefix; bucket.grantRead would add s3:List* and s3:GetBucket*
    // on the whole bucket, which the handler does not need. GetObject also covers HEAD and presigned GETs;
    // PutObject covers multipart parts and If-None-Match conditional writes.
    const reportObjects = bucket.arnForObjects(`${config.reportPrefix}*`);
    fn.addToRolePolicy(
      new PolicyStatement({
        sid: 'ReadWriteReports',
        effect: Effect.ALLOW,
        actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
        resources: [reportObjects],
      }),
    );
    // The handler reads a period's email marker before the first send, when it does not exist yet.
    // Without s3:ListBucket, S3 answers a GET of a missing key with 403 instead of 404, and every
    // first run of a month would fail. Listing exposes key names only, never content.
    fn.addToRolePolicy(
      new PolicyStatement({
        sid: 'TellMissingFromForbidden',
        effect: Effect.ALLOW,
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
      }),
    );
    const emailMarkers = bucket.arnForObjects(`${config.reportPrefix}markers/*`);
    // A failed send releases its email marker so the retry can send; nothing else is ever deleted.
    fn.addToRolePolicy(
      new PolicyStatement({
        sid: 'ReleaseEmailMarkers',
        effect: Effect.ALLOW,
        actions: ['s3:DeleteObject'],
        resources: [emailMarkers],
      }),
    );
    const sesIdentities = this.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' });
    fn.addToRolePolicy(
      new PolicyStatement({
        sid: 'SendReportFromSenderOnly',
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [sesIdentities],
        conditions: { StringEquals: { 'ses:FromAddress': config.sender } },
      }),
    );

    acknowledgeWildcardResources(report, [
      {
        resource: reportObjects,
        reason:
          'Object keys are derived from the period at run time; the grant stops at the report prefix of one bucket.',
      },
      {
        resource: emailMarkers,
        reason: 'One marker per period, named at run time; delete is limited to the markers folder.',
      },
      {
        resource: sesIdentities,
        reason:
          'Pinned to the configured sender by the ses:FromAddress condition. The resource stays open because SES ' +
          'authorises the sending identity (address or its domain) and, in the sandbox, each recipient identity too.',
      },
    ]);

    const monthly = new MonthlySchedule(this, 'Monthly', {
      target: fn,
      expression: config.schedule,
      timeZone: config.timezone,
      deadLetterQueue: failedRuns,
    });

    const alarms = new FailureAlarms(this, 'Alarms', {
      function: fn,
      failedRuns,
      scheduleGroup: monthly.group,
      alarmEmail: config.alarmEmail,
    });

    new CfnOutput(this, 'FunctionName', { value: fn.functionName });
    new CfnOutput(this, 'LogGroupName', { value: fn.logGroup.logGroupName });
    new CfnOutput(this, 'ReportBucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'ApiKeySecretId', { value: apiKey.secretId });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    new CfnOutput(this, 'FailedRunsQueueUrl', { value: failedRuns.queueUrl });
  }
}
