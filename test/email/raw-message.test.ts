import { type AddressObject, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildRawMessage, type RawMessageInput, SES_MAX_RECIPIENTS } from '#email/raw-message.js';
import { renderChargebackEmail } from '#email/render-chargeback-email.js';
import { XLSX_CONTENT_TYPE } from '#workbook/workbook-file-name.js';
import { hostileReport, octoberRun, s3Delivery } from './fixtures.js';

const email = renderChargebackEmail({ report: hostileReport(), run: octoberRun(), delivery: s3Delivery() });
const WORKBOOK = Buffer.from('PK\u0003\u0004 not really a workbook, but bytes all the same');

function message(overrides: Partial<RawMessageInput> = {}): RawMessageInput {
  return {
    from: 'Devin Reports <reports@example.com>',
    to: ['finance@example.com', 'controller@example.com'],
    subject: email.subject,
    html: email.html,
    text: email.text,
    date: new Date('2026-11-01T06:01:00Z'),
    ...overrides,
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? ''));
}

describe('buildRawMessage', () => {
  it('round-trips headers and both bodies through a mail parser', async () => {
    const raw = await buildRawMessage(message());
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(email.subject);
    expect(parsed.subject).toContain('—');
    expect(parsed.from?.value[0]).toEqual({ name: 'Devin Reports', address: 'reports@example.com' });
    expect(addresses(parsed.to)).toEqual(['finance@example.com', 'controller@example.com']);
    expect(parsed.date?.toISOString()).toBe('2026-11-01T06:01:00.000Z');
    expect(parsed.messageId).toMatch(/^<.+@.+>$/);
    expect(parsed.text).toBe(email.text);
    expect(parsed.html).toBe(email.html);
    expect(parsed.attachments).toEqual([]);
  });

  it('is multipart/alternative without an attachment, and encodes the subject as 7-bit', async () => {
    const raw = (await buildRawMessage(message())).toString('utf8');
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headers).toMatch(/^MIME-Version: 1\.0$/m);
    expect(headers).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(headers).toMatch(/^Subject: =\?UTF-8\?/m);
    // Every header line is plain ASCII: the em dash travels encoded.
    expect(/^[\x20-\x7e\r\n\t]*$/.test(headers)).toBe(true);
  });

  it('wraps the bodies in multipart/mixed with the workbook attached', async () => {
    const raw = await buildRawMessage(
      message({
        attachments: [
          {
            filename: 'devin-acu-chargeback-2026-10.xlsx',
            contentType: XLSX_CONTENT_TYPE,
            content: WORKBOOK,
          },
        ],
      }),
    );
    expect(raw.toString('utf8')).toMatch(/^Content-Type: multipart\/mixed;/m);
    const parsed = await simpleParser(raw);
    expect(parsed.text).toBe(email.text);
    expect(parsed.html).toBe(email.html);
    expect(parsed.attachments).toHaveLength(1);
    const [attachment] = parsed.attachments;
    expect(attachment?.filename).toBe('devin-acu-chargeback-2026-10.xlsx');
    expect(attachment?.contentType).toBe(XLSX_CONTENT_TYPE);
    expect(attachment?.content.equals(WORKBOOK)).toBe(true);
  });

  it('keeps a header break in the subject from becoming a new header', async () => {
    const raw = await buildRawMessage(message({ subject: 'October\r\nBcc: thief@example.com' }));
    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('bcc')).toBe(false);
  });
});

describe('recipients', () => {
  it('sets Reply-To when given, so replies reach finance and not the sender mailbox', async () => {
    const parsed = await simpleParser(await buildRawMessage(message({ replyTo: 'finance@example.com' })));
    expect(addresses(parsed.replyTo)).toEqual(['finance@example.com']);
    const without = await simpleParser(await buildRawMessage(message()));
    expect(without.replyTo).toBeUndefined();
  });

  it('refuses an empty list', async () => {
    await expect(buildRawMessage(message({ to: [] }))).rejects.toThrow(/no recipients/);
  });

  it('accepts exactly the SES limit and refuses one more, naming the count', async () => {
    const addressesUpTo = (n: number) => Array.from({ length: n }, (_, i) => `finance${i}@example.com`);
    await expect(buildRawMessage(message({ to: addressesUpTo(SES_MAX_RECIPIENTS) }))).resolves.toBeInstanceOf(
      Buffer,
    );
    await expect(
      buildRawMessage(message({ to: addressesUpTo(SES_MAX_RECIPIENTS + 1) })),
    ).rejects.toMatchObject({
      name: 'InvalidRecipientsError',
      message: expect.stringContaining('51 recipients given; SES accepts at most 50'),
    });
  });

  it('names the address that is not one', async () => {
    await expect(
      buildRawMessage(message({ to: ['finance@example.com', 'finance at example'] })),
    ).rejects.toMatchObject({
      name: 'InvalidRecipientsError',
      message: 'not a valid email address: "finance at example"',
    });
  });

  it('refuses a header hidden in an address', async () => {
    await expect(
      buildRawMessage(message({ to: ['a@example.com\r\nBcc: thief@example.com'] })),
    ).rejects.toThrow(/not a valid email address/);
  });

  it('refuses a sender that is not an address, with or without a display name', async () => {
    await expect(buildRawMessage(message({ from: 'Devin Reports <reports>' }))).rejects.toMatchObject({
      name: 'InvalidSenderError',
    });
    await expect(buildRawMessage(message({ from: 'reports@example.com' }))).resolves.toBeInstanceOf(Buffer);
  });
});
