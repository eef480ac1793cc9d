import { z } from 'zod';

/** SES refuses a message with more than 50 recipients (To, Cc and Bcc together). */
export const SES_MAX_RECIPIENTS = 50;

const emailAddress = z.email();

export class InvalidRecipientsError extends Error {
  override readonly name = 'InvalidRecipientsError';
  constructor(
    message: string,
    readonly recipients: readonly string[],
  ) {
    super(message);
  }
}

export class InvalidSenderError extends Error {
  override readonly name = 'InvalidSenderError';
  constructor(readonly sender: string) {
    super(`the sender is not a valid email address: ${JSON.stringify(sender)}`);
  }
}

/**
 * Recipients come from configuration or a manual event; a bad list must fail
 * before anything is sent, naming what is wrong, rather than as an opaque SES error.
 */
export function validateRecipients(recipients: readonly string[]): void {
  if (recipients.length === 0) throw new InvalidRecipientsError('no recipients given', recipients);
  if (recipients.length > SES_MAX_RECIPIENTS) {
    throw new InvalidRecipientsError(
      `${recipients.length} recipients given; SES accepts at most ${SES_MAX_RECIPIENTS} per message`,
      recipients,
    );
  }
  for (const recipient of recipients) {
    if (!emailAddress.safeParse(recipient).success) {
      throw new InvalidRecipientsError(`not a valid email address: ${JSON.stringify(recipient)}`, recipients);
    }
  }
}

/** The sender may carry a display name: `Finance Reports <reports@example.com>`. */
export function validateSender(sender: string): void {
  const address = /^[^<>]*<([^<>]+)>$/.exec(sender.trim())?.[1] ?? sender.trim();
  if (!emailAddress.safeParse(address).success) throw new InvalidSenderError(sender);
}
