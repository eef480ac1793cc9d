import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailSendError } from '#aws/aws-errors.js';
import { SES_MAX_MESSAGE_BYTES, sendRawEmail } from '#aws/ses-mailer.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { useAwsEnv } from '../support/aws-env.js';
import { closedLoopbackPort } from '../support/aws-loopback.js';

let emulators: AwsEmulators;
let restoreEnv: () => void;
let ses: SESClient;

beforeAll(async () => {
  emulators = await startAwsEmulators();
  restoreEnv = useAwsEnv(emulators.env);
  ses = new SESClient({});
});

afterAll(async () => {
  ses?.destroy();
  restoreEnv?.();
  await emulators?.stop();
});

const FROM = 'chargeback@example.com';

function mimeMessage(to: readonly string[], subject: string): Buffer {
  return Buffer.from(
    [
      `From: Devin chargeback <${FROM}>`,
      `To: ${to.join(', ')}`,
      `Subject: ${subject}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Total: 12,345.60 ACUs',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Total: <b>12,345.60 ACUs</b></p>',
      '--b1--',
      '',
    ].join('\r\n'),
  );
}

/** The SendRawEmail form fields the client puts on the wire, captured as they leave. */
function captureWireForms(client: SESClient): URLSearchParams[] {
  const forms: URLSearchParams[] = [];
  client.middlewareStack.add(
    (next) => (args) => {
      const { request } = args;
      if (
        typeof request === 'object' &&
        request !== null &&
        'body' in request &&
        typeof request.body === 'string'
      ) {
        forms.push(new URLSearchParams(request.body));
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'testWireCapture', override: true },
  );
  return forms;
}

describe('sendRawEmail', () => {
  it('delivers the MIME message to SES for exactly the given recipients', async () => {
    const to = ['finance@example.com', 'cfo@example.com'];
    const forms = captureWireForms(ses);

    const { messageId } = await sendRawEmail(ses, {
      from: FROM,
      to,
      raw: mimeMessage(to, 'Devin ACU chargeback — October 2026'),
    });

    const mail = (await emulators.ses.mails()).find((m) => m.messageId === messageId);
    expect(mail).toMatchObject({
      subject: 'Devin ACU chargeback — October 2026',
      destination: { to: ['finance@example.com, cfo@example.com'] },
      body: { text: 'Total: 12,345.60 ACUs', html: '<p>Total: <b>12,345.60 ACUs</b></p>' },
    });
    expect(mail?.from).toContain(FROM);
    // The envelope, which SES delivers to whatever the headers say.
    const form = forms.at(-1);
    expect(form?.get('Action')).toBe('SendRawEmail');
    expect(form?.get('Source')).toBe(FROM);
    expect([form?.get('Destinations.member.1'), form?.get('Destinations.member.2')]).toEqual(to);
  });

  it('refuses more than 50 recipients before calling SES', async () => {
    const before = (await emulators.ses.mails()).length;
    const to = Array.from({ length: 51 }, (_, i) => `person${i}@example.com`);

    const failure = await sendRawEmail(ses, { from: FROM, to, raw: mimeMessage(to, 'too many') }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(EmailSendError);
    expect(failure).toMatchObject({ recipientCount: 51, message: expect.stringContaining('at most 50') });
    expect(await emulators.ses.mails()).toHaveLength(before);
  });

  it('refuses a message without recipients', async () => {
    await expect(sendRawEmail(ses, { from: FROM, to: [], raw: mimeMessage([], 'nobody') })).rejects.toThrow(
      /no recipients/,
    );
  });

  it('refuses a message over SES’s 10 MB before sending it', async () => {
    const raw = Buffer.concat([mimeMessage(['a@example.com'], 'big'), Buffer.alloc(SES_MAX_MESSAGE_BYTES)]);

    await expect(sendRawEmail(ses, { from: FROM, to: ['a@example.com'], raw })).rejects.toThrow(
      /without the attachment/,
    );
  });

  it('fails with a typed error carrying the cause when SES cannot be reached', async () => {
    const down = new SESClient({ endpoint: `http://127.0.0.1:${await closedLoopbackPort()}` });
    try {
      const failure = await sendRawEmail(down, {
        from: FROM,
        to: ['a@example.com'],
        raw: mimeMessage(['a@example.com'], 'x'),
      }).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(EmailSendError);
      expect((failure as EmailSendError).cause).toBeInstanceOf(Error);
      expect((failure as EmailSendError).message).toMatch(/^SES did not send the email/);
      // Never reached: a retry may send it.
      expect((failure as EmailSendError).mayHaveBeenSent).toBe(false);
    } finally {
      down.destroy();
    }
  });
});
