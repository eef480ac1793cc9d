import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { validateRecipients, validateSender } from './recipients.js';

export { SES_MAX_RECIPIENTS } from './recipients.js';

export interface RawMessageInput {
  from: string;
  to: readonly string[];
  /** Where replies go (`Reply-To`), when not to the sender mailbox. */
  replyTo?: string | undefined;
  subject: string;
  html: string;
  text: string;
  date: Date;
  attachments?: ReadonlyArray<{ filename: string; contentType: string; content: Buffer }>;
  /** Parts the HTML shows by `cid:` (the charts): they go into a multipart/related beside the HTML. */
  inlineImages?: ReadonlyArray<{ filename: string; contentType: string; content: Buffer; cid: string }>;
}

export class MimeBuildError extends Error {
  override readonly name = 'MimeBuildError';
  constructor(
    readonly subject: string,
    options: { cause: unknown },
  ) {
    super(`could not build the MIME message "${subject}"`, options);
  }
}

/**
 * The RFC 5322 message SES `SendRawEmail` sends and the local preview saves as
 * .eml: multipart/alternative (text, then HTML, so clients prefer the HTML),
 * the HTML in multipart/related with the charts it shows inline (Content-ID),
 * wrapped in multipart/mixed when the workbook rides along. MailComposer
 * encodes non-ASCII headers (the subject's em dash) and adds Message-ID and
 * MIME-Version.
 */
export async function buildRawMessage(input: RawMessageInput): Promise<Buffer> {
  validateSender(input.from);
  validateRecipients(input.to);
  if (input.replyTo !== undefined) validateSender(input.replyTo);
  const composer = new MailComposer({
    from: input.from,
    to: [...input.to],
    ...(input.replyTo === undefined ? {} : { replyTo: input.replyTo }),
    subject: input.subject,
    text: input.text,
    html: input.html,
    date: input.date,
    attachments: [
      ...(input.inlineImages ?? []).map((image) => ({
        filename: image.filename,
        contentType: image.contentType,
        content: image.content,
        cid: image.cid,
        contentDisposition: 'inline' as const,
      })),
      ...(input.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
    ],
  });
  try {
    return await composer.compile().build();
  } catch (cause) {
    throw new MimeBuildError(input.subject, { cause });
  }
}
