import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { describeError, EmailSendError } from './aws-errors.js';

/** SES v1 limits per message: recipients across To, Cc and Bcc, and the raw size. */
export const SES_MAX_RECIPIENTS = 50;
export const SES_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * Sends a ready MIME message (SES v1 SendRawEmail). `to` is the envelope: SES
 * delivers to exactly these addresses, whatever the headers say. Limits are
 * checked before the call, so a refusal names the limit instead of SES's
 * generic error.
 */
export async function sendRawEmail(
  ses: SESClient,
  params: { readonly from: string; readonly to: readonly string[]; readonly raw: Buffer },
): Promise<{ messageId: string }> {
  const recipientCount = params.to.length;
  const context = { recipientCount };
  if (recipientCount === 0) throw new EmailSendError('the email has no recipients', context);
  if (recipientCount > SES_MAX_RECIPIENTS) {
    throw new EmailSendError(
      `the email has ${recipientCount} recipients; SES accepts at most ${SES_MAX_RECIPIENTS} per message`,
      context,
    );
  }
  if (params.raw.length > SES_MAX_MESSAGE_BYTES) {
    throw new EmailSendError(
      `the email is ${params.raw.length} bytes; SES accepts at most ${SES_MAX_MESSAGE_BYTES} (send it without the attachment)`,
      context,
    );
  }
  let messageId: string | undefined;
  try {
    const response = await ses.send(
      new SendRawEmailCommand({
        Source: params.from,
        Destinations: [...params.to],
        RawMessage: { Data: params.raw },
      }),
    );
    messageId = response.MessageId;
  } catch (error) {
    if (answerLost(error)) {
      throw new EmailSendError(
        `SES's answer to the send was lost (${describeError(error)}): the email may have been delivered`,
        { ...context, mayHaveBeenSent: true },
        { cause: error },
      );
    }
    throw new EmailSendError(`SES did not send the email: ${describeError(error)}`, context, {
      cause: error,
    });
  }
  if (!messageId) throw new EmailSendError('SES answered without a message id', context);
  return { messageId };
}

/**
 * The message id recorded for a send SES received but whose answer never came back: most likely
 * delivered, and recorded as sent so that nothing sends it twice; `force` resends it if not.
 */
export const ANSWER_LOST = 'unknown (SES received the send, its answer was lost)';

/** Failures of the connection itself: the request never reached SES. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** No answer came back from SES although the request may have reached it (a reset, a timeout). */
function answerLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status !== undefined) return false;
  const code = (error as { code?: unknown }).code;
  return !(typeof code === 'string' && NOT_CONNECTED.has(code));
}
