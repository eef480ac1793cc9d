import type { SESClient } from '@aws-sdk/client-ses';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { CheckRow } from '#core/check/check-row.js';
import { devinKeyRows, isDevinKeyShape, type KeySecretReading } from '#core/check/devin-key-rows.js';
import { checkAccess } from '#devin/client/check-access.js';
import type { DevinClientOptions } from '#devin/client/devin-client.js';
import { accessRows } from './access-rows.js';
import { checkLinkService } from './check-link-service.js';
import { checkSes } from './check-ses.js';
import { checkSns } from './check-sns.js';

/** What the check reads: the deployment's own settings, with the clients to ask. Nothing here sends mail. */
export interface DeploymentCheckDeps {
  readonly secretId: string;
  /** The Devin key secret's key and recorded expiry; rejects when it cannot be read. */
  readonly readKeySecret: () => Promise<{ readonly key: string; readonly expiresAt: Date | null }>;
  /** Everything but the key, which comes from the secret. */
  readonly devin: Omit<DevinClientOptions, 'apiKey'>;
  readonly ses: SESClient;
  readonly sender: string;
  readonly recipients: readonly string[];
  /** The link service's Function URL; undefined when the stack has none. */
  readonly linkBaseUrl: string | undefined;
  readonly sns: SNSClient;
  /** The stack's alarm topic (output AlarmTopicArn); undefined when the caller was not told it. */
  readonly alarmTopicArn: string | undefined;
  /** The address alarms go to; undefined when the operator chose `alarmEmail: none`. */
  readonly alarmEmail: string | undefined;
  readonly now: Date;
  readonly fetch?: typeof fetch;
}

/**
 * The deployment check, row by row: the Devin key (set, not the placeholder, its expiry), what the
 * key may read, SES's sender and sandbox with each recipient, the alarm subscription, the link
 * service. Every row is read-only; a failing item is a row, so one problem does not hide the rest.
 */
export async function runDeploymentCheck(deps: DeploymentCheckDeps): Promise<CheckRow[]> {
  const reading: KeySecretReading = await deps.readKeySecret().then(
    (secret) => ({ kind: 'read' as const, key: secret.key, expiresAt: secret.expiresAt }),
    (error: unknown) => ({
      kind: 'unreadable' as const,
      reason: error instanceof Error ? error.message : String(error),
    }),
  );
  const usableKey = reading.kind === 'read' && isDevinKeyShape(reading.key) ? reading.key : undefined;
  const [access, ses, sns, links] = await Promise.all([
    usableKey === undefined
      ? Promise.resolve<CheckRow[]>([
          {
            item: 'Devin API access',
            status: 'not checked',
            found: 'no Devin key in the secret yet',
            todo: 'set the key, then check again',
          },
        ])
      : checkAccess({ ...deps.devin, apiKey: usableKey }, deps.now).then(accessRows, (error: unknown) => [
          {
            item: 'Devin API access',
            status: 'problem' as const,
            found: error instanceof Error ? error.message : String(error),
            todo: 'check DEVIN_API_URL and the network path to the Devin API',
          },
        ]),
    checkSes(deps.ses, deps.sender, deps.recipients),
    checkSns(deps.sns, deps.alarmTopicArn, deps.alarmEmail),
    checkLinkService(deps.linkBaseUrl, deps.fetch),
  ]);
  return [...devinKeyRows(deps.secretId, reading, deps.now), ...access, ...ses, sns, links];
}
