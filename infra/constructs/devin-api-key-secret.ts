import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { encryptSecretWith } from '../kms-secret.js';
import { acknowledgeNist, NIST_REASONS } from '../nag/nist-acknowledgements.js';

export interface DevinApiKeySecretProps {
  /** An existing secret's name or ARN; when absent the stack creates one for the operator to fill. */
  readonly existing?: string | undefined;
  /** The stack key, for a secret the stack creates; an existing secret keeps its own key. */
  readonly encryptionKey?: IKey | undefined;
}

/**
 * The Devin API key's home. The key itself never passes through the template
 * or the function's environment: the handler gets only `secretId` and reads
 * the value at run time.
 */
export class DevinApiKeySecret extends Construct {
  readonly secret: ISecret;
  /** What the handler passes to GetSecretValue: the configured name/ARN, or the created secret's ARN. */
  readonly secretId: string;

  constructor(scope: Construct, id: string, props: DevinApiKeySecretProps) {
    super(scope, id);
    const existing = props.existing;
    if (existing === undefined) {
      const created = new Secret(this, 'Created', {
        description:
          'Devin API key for the monthly ACU chargeback report: the cog_ key of an enterprise service user (API v3, ' +
          "recommended), or an Enterprise Admin's personal apk_user_ key (API v2, deprecated by Devin). " +
          'Set it with: aws secretsmanager put-secret-value --secret-id <this ARN> --secret-string <key>',
        // Until the operator sets the key the value is random, so runs fail loudly with 401 instead of reading a placeholder.
        // A torn-down stack should not leave a live credential behind.
        removalPolicy: RemovalPolicy.DESTROY,
      });
      Validations.of(created).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'Devin API keys are issued by a person in the Devin web app; there is no API a rotation function could call.',
      });
      acknowledgeNist(
        created,
        'SecretsManagerRotationEnabled',
        'The Devin API key is issued in the vendor’s web app by a person; there is no API a rotation Lambda could ' +
          'call. Its expiry is watched instead: the DevinKeyExpiring alarm warns 35 days ahead.',
      );
      if (props.encryptionKey === undefined) {
        acknowledgeNist(created, 'SecretsManagerUsingKMSKey', NIST_REASONS.secretKey);
      } else {
        encryptSecretWith(created, props.encryptionKey);
      }
      this.secret = created;
      this.secretId = created.secretArn;
      return;
    }

    if (!existing.startsWith('arn:')) {
      // A name grants on name-?????? since Secrets Manager appends a random suffix to every ARN.
      this.secret = Secret.fromSecretNameV2(this, 'Existing', existing);
    } else if (/:secret:.+-[A-Za-z0-9]{6}$/.test(existing)) {
      // An ARN copied from the console ends in that suffix; grant on it exactly.
      this.secret = Secret.fromSecretCompleteArn(this, 'Existing', existing);
    } else {
      this.secret = Secret.fromSecretPartialArn(this, 'Existing', existing);
    }
    this.secretId = existing;
  }
}
