import { Stack } from 'aws-cdk-lib';
import { Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { acknowledgeWildcardResources } from './nag/acknowledge-wildcard-resources.js';

export interface ReportPermissionsProps {
  readonly bucket: IBucket;
  /** Everything the function writes lives under this prefix, e.g. `reports/`. */
  readonly reportPrefix: string;
  readonly apiKey: ISecret;
  readonly sender: string;
  /** Finance's cost-centre map: read at every run, never written by the function. */
  readonly costCentresKey: string;
  /** erp-mapping.csv beside the map, when journal formats are on: read like the map, never written. */
  readonly erpMappingKey?: string | undefined;
}

/** Exactly what the report function's role may do, each grant with the reason it is needed. */
export function grantReportPermissions(role: IRole, props: ReportPermissionsProps): void {
  const { bucket, reportPrefix } = props;

  props.apiKey.grantRead(role);

  // Object access stops at the prefix. bucket.grantRead would add s3:GetBucket* and s3:List* on top,
  // which the handler does not use. GetObject also covers HEAD and presigned GETs; PutObject covers
  // multipart parts and If-None-Match conditional writes.
  const reportObjects = bucket.arnForObjects(`${reportPrefix}*`);
  role.addToPrincipalPolicy(
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
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'TellMissingFromForbidden',
      effect: Effect.ALLOW,
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
    }),
  );
  // A failed send releases its email marker so the retry can send; nothing else is ever deleted.
  const emailMarkers = bucket.arnForObjects(`${reportPrefix}markers/*`);
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'ReleaseEmailMarkers',
      effect: Effect.ALLOW,
      actions: ['s3:DeleteObject'],
      resources: [emailMarkers],
    }),
  );

  // The map is finance's: the function reads it (inside the prefix the grant above covers it) and
  // may never change it, whatever the prefix grant says.
  const costCentresMap = bucket.arnForObjects(props.costCentresKey);
  if (!props.costCentresKey.startsWith(reportPrefix)) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ReadCostCentreMap',
        effect: Effect.ALLOW,
        actions: ['s3:GetObject'],
        resources: [costCentresMap],
      }),
    );
  }
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'NeverWriteCostCentreMap',
      effect: Effect.DENY,
      actions: ['s3:PutObject', 's3:DeleteObject'],
      resources: [costCentresMap],
    }),
  );

  if (props.erpMappingKey !== undefined) {
    const erpMapping = bucket.arnForObjects(props.erpMappingKey);
    if (!props.erpMappingKey.startsWith(reportPrefix)) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'ReadErpMapping',
          effect: Effect.ALLOW,
          actions: ['s3:GetObject'],
          resources: [erpMapping],
        }),
      );
    }
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'NeverWriteErpMapping',
        effect: Effect.DENY,
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [erpMapping],
      }),
    );
  }

  const sesIdentities = Stack.of(role).formatArn({ service: 'ses', resource: 'identity', resourceName: '*' });
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'SendReportFromSenderOnly',
      effect: Effect.ALLOW,
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [sesIdentities],
      conditions: { StringEquals: { 'ses:FromAddress': props.sender } },
    }),
  );

  acknowledgeWildcardResources(role, [
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
}

export interface WindowPermissionsProps {
  readonly bucket: IBucket;
  readonly reportPrefix: string;
  readonly apiKey: ISecret;
}

/**
 * The distributed run's window step only reads the Devin key and writes its run's parts: it sends
 * no email, signs no link, reads no map and touches no report, so a fault in it can do nothing more.
 */
export function grantWindowPermissions(role: IRole, props: WindowPermissionsProps): void {
  props.apiKey.grantRead(role);
  const parts = props.bucket.arnForObjects(`${props.reportPrefix}parts/*`);
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'WriteRunParts',
      effect: Effect.ALLOW,
      // PutObject covers a large part's multipart upload; a failed one is aborted, not left behind.
      actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
      resources: [parts],
    }),
  );
  acknowledgeWildcardResources(role, [
    {
      resource: parts,
      reason: 'Run ids are made at run time: a window writes its own run’s parts under parts/ only.',
    },
  ]);
}

/** The one statement on resource "*": the deployment check's two read-only SES calls. */
export const CHECK_SES_READS_SID = 'CheckSesIdentitiesAndQuota';

/**
 * The deployment check (`{"check":true}`) reads whether the sender and recipients are verified and
 * whether the account is in SES's sandbox. Neither SES v1 read names a resource type in IAM (the
 * Service Authorization Reference lists none), so they can only be granted on "*"; both only read.
 */
export function grantCheckPermissions(role: IRole): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: CHECK_SES_READS_SID,
      effect: Effect.ALLOW,
      actions: ['ses:GetIdentityVerificationAttributes', 'ses:GetSendQuota'],
      resources: ['*'],
    }),
  );
  acknowledgeWildcardResources(role, [
    {
      resource: '*',
      reason:
        'The deployment check reads identity verification states and the sending quota; these SES v1 reads have no ' +
        'resource type in IAM, so "*" is the only resource they can be granted on. Both are read-only.',
    },
  ]);
}

/** The deployment check's read of the alarm topic's subscriptions. */
export const CHECK_SNS_SUBSCRIPTIONS_SID = 'CheckAlarmSubscription';

/**
 * The deployment check reads whether the alarm email confirmed its subscription:
 * ListSubscriptionsByTopic on the stack's own alarm topic, and no other topic.
 */
export function grantCheckSubscriptionRead(role: IRole, topic: ITopic): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: CHECK_SNS_SUBSCRIPTIONS_SID,
      effect: Effect.ALLOW,
      actions: ['sns:ListSubscriptionsByTopic'],
      resources: [topic.topicArn],
    }),
  );
}
