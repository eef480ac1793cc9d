import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { CfnSecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';

/**
 * Encrypts a created secret under the stack key. Set on the CloudFormation resource rather than as
 * the L2's `encryptionKey`, which would add grants of its own (to the account and, on every
 * grantRead, to the reader): the roles get exactly the key statement of kms-permissions.ts.
 */
export function encryptSecretWith(secret: Secret, key: IKey): void {
  (secret.node.defaultChild as CfnSecret).kmsKeyId = key.keyArn;
}
