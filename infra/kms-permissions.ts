import { Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';

/** The sid of every role's one statement on the stack key. */
export const KEY_USE_SID = 'UseTheStackKey';

/**
 * `read`: objects and secrets are decrypted (GetObject, a presigned GET, GetSecretValue).
 * `read-write`: also written (PutObject and multipart parts under SSE-KMS need a data key).
 */
export type KeyUse = 'read' | 'read-write';

/** Exactly the KMS actions a role's S3 and Secrets Manager calls need on the stack key, and no others. */
export function keyUseStatement(key: IKey, use: KeyUse): PolicyStatement {
  return new PolicyStatement({
    sid: KEY_USE_SID,
    effect: Effect.ALLOW,
    actions: use === 'read' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey'],
    resources: [key.keyArn],
  });
}

/** Adds the key statement to a role; nothing when the stack has no key (SSE-S3, AWS-managed keys). */
export function grantKeyUse(role: IRole, key: IKey | undefined, use: KeyUse): void {
  if (key !== undefined) role.addToPrincipalPolicy(keyUseStatement(key, use));
}
