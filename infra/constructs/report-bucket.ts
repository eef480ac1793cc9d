import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectLockRetention,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { ObjectLockSetting } from '../config.js';
import { acknowledgeNist, NIST_REASONS } from '../nag/nist-acknowledgements.js';

export interface ReportBucketProps {
  /** Write into this existing bucket instead of creating one; its settings are then its owner's business. */
  readonly existingBucketName?: string | undefined;
  /** Days before report objects move to Glacier Instant Retrieval. */
  readonly transitionDays: number;
  /** The report prefix, under whose `parts/` the distributed run's scratch parts expire. */
  readonly reportPrefix?: string | undefined;
  /** SSE-KMS with this key (and an S3 Bucket Key); absent: SSE-S3. */
  readonly encryptionKey?: IKey | undefined;
  /** A default retention on every object version; the config refuses it with an existing bucket. */
  readonly objectLock?: ObjectLockSetting | undefined;
}

const NO_REPLICATION =
  'Replication needs a destination bucket in another Region or account, which a single-Region stack cannot ' +
  'own; S3 already stores every object across several Availability Zones. ';

/**
 * Where the workbooks live. They are financial records: nothing expires, and
 * deleting the stack leaves the bucket (and its access logs) in place.
 */
export class ReportBucket extends Construct {
  readonly bucket: IBucket;

  constructor(scope: Construct, id: string, props: ReportBucketProps) {
    super(scope, id);
    // New buckets have ACLs disabled, so access-log delivery must be granted by bucket policy;
    // set here rather than in cdk.json so the construct deploys in any app.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    if (props.existingBucketName !== undefined) {
      if (props.objectLock !== undefined) {
        // The config refuses this first, naming the keys; this guards other callers of the construct.
        throw new Error(`objectLock cannot be set on the existing bucket ${props.existingBucketName}`);
      }
      this.bucket = Bucket.fromBucketName(this, 'Existing', props.existingBucketName);
      return;
    }

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Logs are written once and never replaced: versions cost nothing and keep a deleted log.
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the report bucket; logging it into itself would loop.',
    });
    acknowledgeNist(
      accessLogs,
      'S3DefaultEncryptionKMS',
      'The S3 User Guide documents SSE-S3 as the default encryption a server-access-log target bucket supports ' +
        '(aws-cdk#25350 reports SSE-KMS working with a key policy for logging.s3.amazonaws.com; not verified ' +
        'here), so this bucket stays SSE-S3 with or without encryptionKey. It holds request metadata (key, ' +
        'requester, IP, time), never report contents.',
    );
    acknowledgeNist(
      accessLogs,
      'S3BucketReplicationEnabled',
      `${NO_REPLICATION}Access logs are evidence about the report bucket, not records finance relies on.`,
    );

    const key = props.encryptionKey;
    const lock = props.objectLock;
    const reports = new Bucket(this, 'Reports', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // SSE-S3 by default: presigned links then need no key grant. With a key, every role that reads or
      // writes objects gets kms:Decrypt (and kms:GenerateDataKey to write) on it; the Bucket Key cuts
      // the KMS requests (and their cost) to about one per object per few minutes.
      ...(key === undefined
        ? { encryption: BucketEncryption.S3_MANAGED }
        : { encryption: BucketEncryption.KMS, encryptionKey: key, bucketKeyEnabled: true }),
      // A default retention locks every new object version for the days set. Deletes without a
      // version id (all the code makes) add a delete marker, which Object Lock allows; overwrites add
      // a version. Only removing a locked version is refused, which is the point.
      ...(lock !== undefined && {
        objectLockEnabled: true,
        objectLockDefaultRetention:
          lock.mode === 'compliance'
            ? ObjectLockRetention.compliance(Duration.days(lock.days))
            : ObjectLockRetention.governance(Duration.days(lock.days)),
      }),
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // A rerun or a forced resend overwrites a key; versions keep what finance was sent before.
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'reports-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'older-reports-to-instant-retrieval',
          // Instant Retrieval keeps an old report one click away for finance, at a fraction of Standard's price.
          transitions: [
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(props.transitionDays),
            },
          ],
          noncurrentVersionTransitions: [
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(props.transitionDays),
            },
          ],
        },
        {
          id: 'expire-distributed-run-parts',
          // A distributed run's window parts are scratch: the merge deletes them, this catches a failed run's.
          prefix: `${props.reportPrefix ?? 'reports/'}parts/`,
          expiration: Duration.days(3),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'abort-incomplete-uploads',
          // A run that dies mid-upload leaves invisible, billed parts behind; this is cleanup, not expiry.
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
    acknowledgeNist(
      reports,
      'S3BucketReplicationEnabled',
      `${NO_REPLICATION}Versioning (and objectLockMode, when set) keeps every version; an operator who needs a ` +
        'second copy adds a replication rule to a bucket of their own.',
    );
    if (key === undefined) acknowledgeNist(reports, 'S3DefaultEncryptionKMS', NIST_REASONS.bucketKey);
    this.bucket = reports;
  }
}
