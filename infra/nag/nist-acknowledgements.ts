import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The NIST 800-53 rev 5 rules this stack acknowledges somewhere, by cdk-nag's id. */
export type NistRule =
  | 'CloudWatchLogGroupEncrypted'
  | 'IAMNoInlinePolicy'
  | 'LambdaConcurrency'
  | 'LambdaDLQ'
  | 'LambdaFunctionPublicAccessProhibited'
  | 'LambdaInsideVPC'
  | 'S3BucketLoggingEnabled'
  | 'S3BucketReplicationEnabled'
  | 'S3DefaultEncryptionKMS'
  | 'SNSEncryptedKMS'
  | 'SecretsManagerRotationEnabled'
  | 'SecretsManagerUsingKMSKey';

/** Acknowledges one NIST.800.53.R5 rule on this construct and everything under it, with the reason. */
export function acknowledgeNist(scope: IConstruct, rule: NistRule, reason: string): void {
  Validations.of(scope).acknowledge({ id: `NIST.800.53.R5-${rule}`, reason });
}

/** Reasons shared by several constructs, so each says the same true thing. */
export const NIST_REASONS = {
  inlinePolicy:
    "This role's policy is written statement by statement in the stack's code (each with its reason), reviewed " +
    'and versioned in git and rolled back with the stack; an inline policy belongs to this one role and cannot be ' +
    'attached to another principal, which a managed policy could.',
  outsideVpc:
    'It calls the public Devin API and AWS APIs only and holds no connection to anything private; inside a VPC ' +
    'it would need a NAT gateway (or endpoints for each service) for no data-path benefit.',
  logGroupKey:
    'CloudWatch Logs encrypts every log group at rest with its own keys; set encryptionKey (create or a key ARN) ' +
    'for a customer-managed key, which this stack then uses for every log group.',
  secretKey:
    'Encrypted with the aws/secretsmanager AWS-managed key; set encryptionKey (create or a key ARN) for a ' +
    'customer-managed key.',
  bucketKey:
    'SSE-S3 (AES-256) by default, so presigned links need no key grant; set encryptionKey (create or a key ARN) ' +
    'for SSE-KMS with a customer-managed key.',
} as const;
