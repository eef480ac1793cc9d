import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface ReportBucketProps {
  /** Write into this existing bucket instead of creating one; its settings are then its owner's business. */
  readonly existingBucketName?: string | undefined;
  /** Days before report objects move to Glacier Instant Retrieval. */
  readonly transitionDays: number;
  /** The report prefix, under whose `parts/` the distributed run's scratch parts expire. */
  readonly reportPrefix?: string | undefined;
}

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
      this.bucket = Bucket.fromBucketName(this, 'Existing', props.existingBucketName);
      return;
    }

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the report bucket; logging it into itself would loop.',
    });

    this.bucket = new Bucket(this, 'Reports', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // SSE-S3 rather than KMS: presigned links then need no key grant, and a key would cost more than the stack.
      encryption: BucketEncryption.S3_MANAGED,
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
  }
}
