import type { SESClient } from '@aws-sdk/client-ses';
import type { CheckRow } from '#core/check/check-row.js';
import { devinKeyRows, isDevinKeyShape, type KeySecretReading } from '#core/check/devin-key-rows.js';
import { checkAccess } from '#devin/client/check-access.js';
import type { DevinClientOptions } from '#devin/client/devin-client.js';
import { accessRows } from './access-rows.js';
import { checkLinkService } from './check-link-service.js';
import { checkSes } from './check-ses.js';

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
  const [access, ses, links] = await Promise.all([
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
    checkLinkService(deps.linkBaseUrl, deps.fetch),
  ]);
  return [
    ...devinKeyRows(deps.secretId, reading, deps.now),
    ...access,
    ...ses,
    {
      item: 'SNS alarm subscription',
      status: 'not checked',
      // The function carries no SNS client (no @aws-sdk/client-sns dependency), so it cannot ask.
      found: 'the check has no SNS client (@aws-sdk/client-sns is not a dependency)',
      todo: "aws sns list-subscriptions-by-topic --topic-arn <stack output AlarmTopicArn>: the alarmEmail subscription must not be 'PendingConfirmation' (click the link in the AWS Notification mail)",
    },
    links,
  ];
}
