import { Annotations, CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { DEFAULT_HEARTBEAT_HOURS } from '#close/close-overdue.js';
import { type ChargebackConfig, MAX_PRESIGNED_LINK_TTL_SECONDS } from './config.js';
import { DevinApiKeySecret } from './constructs/devin-api-key-secret.js';
import { DistributedRun } from './constructs/distributed-run.js';
import { DownloadLinkService } from './constructs/download-link-service.js';
import { FailureAlarms } from './constructs/failure-alarms.js';
import { FocusAthena } from './constructs/focus-athena.js';
import { MonthlySchedule } from './constructs/monthly-schedule.js';
import { ReportBucket } from './constructs/report-bucket.js';
import { ReportFunction } from './constructs/report-function.js';
import { StackKey } from './constructs/stack-key.js';
import { focusEnvironment, readFocusConfig } from './focus-config.js';
import { grantKeyUse } from './kms-permissions.js';
import {
  grantCheckPermissions,
  grantCheckSubscriptionRead,
  grantReportPermissions,
  grantWindowPermissions,
} from './report-permissions.js';

export interface ChargebackStackProps extends StackProps {
  readonly config: ChargebackConfig;
  /** Overrides the Lambda entry; only tests of the template use it. */
  readonly handlerEntry?: string | undefined;
  /** Overrides the link service's entry; only tests of the template use it. */
  readonly linkHandlerEntry?: string | undefined;
}

/** Schedule → function → S3 + SES, with the secret, the failure queue and the alarms around it. */
export class ChargebackStack extends Stack {
  constructor(scope: Construct, id: string, props: ChargebackStackProps) {
    super(scope, id, props);
    const { config } = props;
    const focus = readFocusConfig(this);

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

    // One customer-managed key for everything the stack stores, when encryptionKey says so.
    const encryptionKey =
      config.encryptionKey.kind === 'none'
        ? undefined
        : new StackKey(this, 'EncryptionKey', { setting: config.encryptionKey }).key;

    const { bucket } = new ReportBucket(this, 'ReportBucket', {
      existingBucketName: config.bucketName,
      transitionDays: config.transitionDays,
      reportPrefix: config.reportPrefix,
      encryptionKey,
      objectLock: config.objectLock,
    });
    const apiKey = new DevinApiKeySecret(this, 'DevinApiKey', {
      existing: config.apiKeySecret,
      encryptionKey,
    });
    const links = config.durableLinks
      ? new DownloadLinkService(this, 'DownloadLinks', {
          bucket,
          reportPrefix: config.reportPrefix,
          entry: props.linkHandlerEntry,
          encryptionKey,
        })
      : undefined;

    const costCentresKey = config.costCentresKey ?? `${config.reportPrefix}config/cost-centres.csv`;
    // Finance's erp-mapping.csv sits beside the map, as it does beside the map on a laptop.
    const erpMappingKey = `${costCentresKey.slice(0, costCentresKey.lastIndexOf('/') + 1)}erp-mapping.csv`;
    const environment: Record<string, string> = {
      REPORT_BUCKET: bucket.bucketName,
      REPORT_PREFIX: config.reportPrefix,
      EMAIL_SENDER: config.sender,
      EMAIL_RECIPIENTS: config.recipients.join(','),
      ...(config.replyTo === undefined ? {} : { EMAIL_REPLY_TO: config.replyTo }),
      ALLOWED_RECIPIENT_DOMAINS: config.allowedRecipientDomains.join(','),
      REPORT_TIMEZONE: config.timezone,
      ACU_PRICE: config.acuPrice,
      CURRENCY: config.currency,
      DEVIN_API_KEY_SECRET: apiKey.secretId,
      // A presigned link cannot outlive SigV4's 7 days; a durable one lives as configured.
      LINK_TTL_SECONDS: String(
        links ? config.linkTtlSeconds : Math.min(config.linkTtlSeconds, MAX_PRESIGNED_LINK_TTL_SECONDS),
      ),
      ATTACH_MAX_BYTES: String(config.attachMaxBytes),
      REPORT_ALIGNMENT: config.alignment,
      COST_BASIS: config.costBasis,
      COST_CENTRES_KEY: costCentresKey,
      ...(config.journalFormats.length === 0
        ? {}
        : { JOURNAL_FORMATS: config.journalFormats.join(','), ERP_MAPPING_KEY: erpMappingKey }),
      SHOWBACK: String(config.showback),
      MAX_SESSION_ROWS: String(config.maxSessionRows),
      ...(config.creditAccount === undefined ? {} : { CREDIT_ACCOUNT: config.creditAccount }),
      ...(config.sharedCosts === undefined ? {} : { SHARED_COSTS: config.sharedCosts }),
      ...(config.trueUpMonths === undefined ? {} : { TRUE_UP_MONTHS: String(config.trueUpMonths) }),
      ...(config.heartbeatHours === undefined ? {} : { HEARTBEAT_HOURS: String(config.heartbeatHours) }),
      ...(config.closeSettleHours === undefined
        ? {}
        : { CLOSE_SETTLE_HOURS: String(config.closeSettleHours) }),
      ...(config.devinApiUrl === undefined ? {} : { DEVIN_API_URL: config.devinApiUrl }),
      ...links?.reportEnvironment,
      ...(config.devinApiVersion === undefined ? {} : { DEVIN_API_VERSION: config.devinApiVersion }),
      ...focusEnvironment(focus),
      ...(config.sessionsPerInvocation === undefined
        ? {}
        : { SESSIONS_PER_INVOCATION: String(config.sessionsPerInvocation) }),
    };
    // The steps run the report's code with the report's configuration (their grants differ: below).
    const distributed = config.distributedRuns
      ? new DistributedRun(this, 'Distributed', {
          environment,
          entry: props.handlerEntry,
          bucket,
          reportPrefix: config.reportPrefix,
          encryptionKey,
        })
      : undefined;
    const report = new ReportFunction(this, 'Report', {
      entry: props.handlerEntry,
      failedRuns,
      encryptionKey,
      environment: {
        ...environment,
        ...(distributed && { STATE_MACHINE_ARN: distributed.stateMachine.stateMachineArn }),
      },
    });
    const fn = report.function;

    // The merge step writes the report and sends the email, as a single run does; a window only fetches.
    for (const role of [report.role, ...(distributed ? [distributed.mergeFunction.role] : [])]) {
      grantReportPermissions(role, {
        bucket,
        reportPrefix: config.reportPrefix,
        apiKey: apiKey.secret,
        sender: config.sender,
        costCentresKey,
        ...(config.journalFormats.length > 0 && { erpMappingKey }),
      });
      links?.grantSigning(role);
      // Reads and writes the bucket, reads the secrets: both under the key when there is one.
      grantKeyUse(role, encryptionKey, 'read-write');
    }
    // Only the entry people invoke runs the deployment check.
    grantCheckPermissions(report.role);
    if (distributed) {
      grantWindowPermissions(distributed.windowFunction.role, {
        bucket,
        reportPrefix: config.reportPrefix,
        apiKey: apiKey.secret,
      });
      // A window reads the Devin key and writes its parts.
      grantKeyUse(distributed.windowFunction.role, encryptionKey, 'read-write');
      distributed.grantStart(report.role);
    }

    new FocusAthena(this, 'Focus', {
      bucket,
      reportPrefix: config.reportPrefix,
      writerRole: report.role,
      ...(distributed && { extraWriterRoles: [distributed.mergeFunction.role] }),
      databaseName: focus.focusDatabase,
      bytesScannedCutoffPerQuery: focus.focusBytesScannedLimit,
      encryptionKey,
    });

    const monthly = new MonthlySchedule(this, 'Monthly', {
      target: fn,
      expression: config.schedule,
      timeZone: config.scheduleTimezone,
      catchUpExpression: config.catchUpSchedule,
      deadLetterQueue: failedRuns,
    });

    const alarms = new FailureAlarms(this, 'Alarms', {
      function: fn,
      failedRuns,
      scheduleGroup: monthly.group,
      alarmEmail: config.alarmEmail,
      stateMachine: distributed?.stateMachine,
      heartbeatHours: config.heartbeatHours ?? DEFAULT_HEARTBEAT_HOURS,
      encryptionKey,
    });
    links?.alarmTo(alarms.topic);
    // The deployment check asks the topic whether the alarm email confirmed; only the report entry checks.
    fn.addEnvironment('ALARM_TOPIC_ARN', alarms.topic.topicArn);
    if (config.alarmEmail !== undefined) fn.addEnvironment('ALARM_EMAIL', config.alarmEmail);
    grantCheckSubscriptionRead(report.role, alarms.topic);
    if (config.alarmEmail === undefined) {
      Annotations.of(this).addWarningV2(
        'devin-chargeback:no-alarm-email',
        'alarmEmail is "none": alarms go to the SNS topic AlarmTopicArn with no subscriber, so a failed month is seen by nobody. Subscribe to the topic, or set alarmEmail.',
      );
    }

    new CfnOutput(this, 'FunctionName', { value: fn.functionName });
    new CfnOutput(this, 'LogGroupName', { value: fn.logGroup.logGroupName });
    new CfnOutput(this, 'ReportBucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'ApiKeySecretId', { value: apiKey.secretId });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    new CfnOutput(this, 'FailedRunsQueueUrl', { value: failedRuns.queueUrl });
    if (encryptionKey) new CfnOutput(this, 'EncryptionKeyArn', { value: encryptionKey.keyArn });
    if (distributed) {
      new CfnOutput(this, 'DistributedRunStateMachineArn', {
        value: distributed.stateMachine.stateMachineArn,
      });
    }
    if (links) {
      new CfnOutput(this, 'DownloadBaseUrl', { value: links.url.url });
      new CfnOutput(this, 'LinkSigningSecretId', { value: links.signingSecret.secretArn });
      new CfnOutput(this, 'LinkFunctionLogGroupName', { value: links.function.logGroup.logGroupName });
    }
  }
}
