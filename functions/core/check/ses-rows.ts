import type { CheckRow } from './check-row.js';

/** SES v1's VerificationStatus, or absent when SES has never heard of the identity. */
export type IdentityStatus = 'Success' | 'Pending' | 'Failed' | 'TemporaryFailure' | 'NotStarted';

export interface SesAccountState {
  /** By identity (address or domain) as SES's GetIdentityVerificationAttributes answered. */
  readonly verification: Readonly<Record<string, IdentityStatus | undefined>>;
  /** GetSendQuota's Max24HourSend. */
  readonly max24HourSend: number;
}

/**
 * The sandbox's quota is 200 messages a day (and 1 a second); SES v1 has no other way to tell a
 * sandboxed account, and production access always raises it.
 * https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html
 */
export const SANDBOX_MAX_24_HOUR_SEND = 200;

/** The identities to ask about: each address and its domain (verifying the domain verifies its addresses). */
export function identitiesToAsk(sender: string, recipients: readonly string[]): string[] {
  const addresses = [sender, ...recipients];
  return [...new Set([...addresses, ...addresses.map(domainOf)])];
}

/** Rows: the sender identity, the account's sandbox status, then each recipient's state. */
export function sesRows(sender: string, recipients: readonly string[], state: SesAccountState): CheckRow[] {
  const sandbox = state.max24HourSend <= SANDBOX_MAX_24_HOUR_SEND;
  const senderStatus = statusOf(sender, state);
  const rows: CheckRow[] = [
    senderStatus.verified
      ? { item: 'SES sender identity', status: 'ok', found: `${sender}: ${senderStatus.text}`, todo: '' }
      : {
          item: 'SES sender identity',
          status: 'problem',
          found: `${sender}: ${senderStatus.text}`,
          todo: `verify it: aws ses verify-email-identity --email-address ${sender} (or verify the domain ${domainOf(sender)})`,
        },
    sandbox
      ? {
          item: 'SES sandbox',
          status: 'problem',
          found: `in the sandbox (at most ${state.max24HourSend} messages a day): only verified recipients get mail`,
          todo: 'request production access in the SES console (Account dashboard), or verify every recipient',
        }
      : {
          item: 'SES sandbox',
          status: 'ok',
          found: `production access (${state.max24HourSend} messages a day)`,
          todo: '',
        },
  ];
  for (const recipient of recipients) {
    const status = statusOf(recipient, state);
    rows.push(
      !sandbox || status.verified
        ? {
            item: `SES recipient ${recipient}`,
            status: 'ok',
            found: sandbox ? status.text : 'any address gets mail outside the sandbox',
            todo: '',
          }
        : {
            item: `SES recipient ${recipient}`,
            status: 'problem',
            found: `${status.text}: the sandbox refuses it`,
            todo: `verify it (aws ses verify-email-identity --email-address ${recipient}) or leave the sandbox`,
          },
    );
  }
  return rows;
}

function statusOf(address: string, state: SesAccountState): { verified: boolean; text: string } {
  const own = state.verification[address];
  const domain = state.verification[domainOf(address)];
  if (own === 'Success') return { verified: true, text: 'verified' };
  if (domain === 'Success')
    return { verified: true, text: `verified through its domain ${domainOf(address)}` };
  const known = own ?? domain;
  return { verified: false, text: known === undefined ? 'not verified' : `verification ${known}` };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
