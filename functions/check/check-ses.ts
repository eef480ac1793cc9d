import {
  GetIdentityVerificationAttributesCommand,
  GetSendQuotaCommand,
  type SESClient,
} from '@aws-sdk/client-ses';
import { describeError } from '#aws/aws-errors.js';
import type { CheckRow } from '#core/check/check-row.js';
import { type IdentityStatus, identitiesToAsk, sesRows } from '#core/check/ses-rows.js';

/**
 * The sender's and recipients' identity states and the account's quota, from SES v1 (the API the
 * function already sends with): GetIdentityVerificationAttributes, GetSendQuota. Read-only; a
 * refused or failed call is a problem row, never a thrown error, so the other rows still print.
 */
export async function checkSes(
  ses: SESClient,
  sender: string,
  recipients: readonly string[],
): Promise<CheckRow[]> {
  try {
    const identities = identitiesToAsk(sender, recipients);
    const [attributes, quota] = await Promise.all([
      // At most 100 identities a call; a deployment has at most 50 recipients, so 102 at worst.
      Promise.all(
        chunks(identities, 100).map((batch) =>
          ses.send(new GetIdentityVerificationAttributesCommand({ Identities: batch })),
        ),
      ),
      ses.send(new GetSendQuotaCommand({})),
    ]);
    const verification: Record<string, IdentityStatus | undefined> = {};
    for (const answer of attributes) {
      for (const [identity, value] of Object.entries(answer.VerificationAttributes ?? {})) {
        verification[identity] = value.VerificationStatus as IdentityStatus | undefined;
      }
    }
    return sesRows(sender, recipients, { verification, max24HourSend: quota.Max24HourSend ?? 0 });
  } catch (error) {
    return [
      {
        item: 'SES sender identity',
        status: 'problem',
        found: `SES could not be asked: ${describeError(error)}`,
        todo: 'the role needs ses:GetIdentityVerificationAttributes and ses:GetSendQuota; check the region',
      },
    ];
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
