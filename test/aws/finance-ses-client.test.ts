// The finance email's SES client never retries a send: a proxy in front of the SES emulator
// delivers every SendRawEmail and then loses its answer (drops the connection). The SDK's
// default client re-sends (two emails or more); the finance client sends exactly one and fails.

import { createServer, request } from 'node:http';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financeSesClient } from '#aws/aws-clients.js';
import { ANSWER_LOST, sendRawEmail } from '#aws/ses-mailer.js';
import { createAwsShowback } from '#chargeback/aws-showback.js';
import { reportKeys } from '#chargeback/report-keys.js';
import { monthPeriod } from '#core/period/month-period.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { useAwsEnv } from '../support/aws-env.js';
import { closeServer, listenOnLoopback } from '../support/aws-loopback.js';

let emulators: AwsEmulators;
let restoreEnv: () => void;
let proxy: { endpoint: string; close(): Promise<void> };

/** Forwards each request to SES and, once SES answered, destroys the caller's socket. */
async function startAnswerLosingProxy(upstream: string) {
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const forward = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          answer.resume();
          answer.on('end', () => res.socket?.destroy());
        },
      );
      forward.on('error', () => res.socket?.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  const port = await listenOnLoopback(server);
  return { endpoint: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}

const raw = (subject: string) =>
  Buffer.from(
    `From: chargeback@example.com\r\nTo: finance@example.com\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nTotal\r\n`,
  );

beforeAll(async () => {
  emulators = await startAwsEmulators();
  proxy = await startAnswerLosingProxy(emulators.ses.endpoint);
  restoreEnv = useAwsEnv({ ...emulators.env, AWS_ENDPOINT_URL_SES: proxy.endpoint });
});

afterAll(async () => {
  restoreEnv?.();
  await proxy?.close();
  await emulators?.stop();
});

const sent = async (subject: string) =>
  (await emulators.ses.mails()).filter((m) => m.subject === subject).length;

describe('the finance email’s SES client', () => {
  it('sends a message whose answer is lost exactly once, and says the send failed', async () => {
    const finance = financeSesClient();
    try {
      expect(await finance.config.maxAttempts()).toBe(1);
      await expect(
        sendRawEmail(finance, {
          from: 'chargeback@example.com',
          to: ['finance@example.com'],
          raw: raw('once'),
        }),
      ).rejects.toMatchObject({ name: 'EmailSendError', mayHaveBeenSent: true });
      expect(await sent('once')).toBe(1);
    } finally {
      finance.destroy();
    }
  });

  it('(the proxy loses answers: the SDK’s default client sends the same message again)', async () => {
    const retrying = new SESClient({});
    try {
      await expect(
        sendRawEmail(retrying, {
          from: 'chargeback@example.com',
          to: ['finance@example.com'],
          raw: raw('twice'),
        }),
      ).rejects.toThrow();
      expect(await sent('twice')).toBeGreaterThan(1);
    } finally {
      retrying.destroy();
    }
  }, 60_000);

  it("counts an owner's showback send whose answer is lost as sent: one email, never abandoned for a retry", async () => {
    const ses = financeSesClient();
    const showback = createAwsShowback({
      s3: new S3Client({}),
      ses,
      bucket: 'unused',
      keys: reportKeys('reports/', monthPeriod('2026-10', 'UTC', new Date('2026-11-02T00:00:00Z'))),
      runId: 'run-owner',
      period: '2026-10',
      sender: 'chargeback@example.com',
      replyTo: 'finance@example.com',
      linkTtlSeconds: 3600,
      now: () => new Date('2026-11-01T14:00:00Z'),
    });
    try {
      const owner = { email: 'owner@example.com' } as Parameters<typeof showback.send>[0];
      const rendered = { subject: 'owner-once', html: '<p>Posted</p>', text: 'Posted' } as Parameters<
        typeof showback.send
      >[1];
      await expect(showback.send(owner, rendered, undefined as never)).resolves.toEqual({
        messageId: ANSWER_LOST,
      });
      expect(await sent('owner-once')).toBe(1);
    } finally {
      ses.destroy();
    }
  });
});
