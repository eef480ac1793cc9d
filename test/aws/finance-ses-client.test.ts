// The finance email's SES client never retries a send: a proxy in front of the SES emulator
// delivers every SendRawEmail and then loses its answer (drops the connection). The SDK's
// default client re-sends (two emails or more); the finance client sends exactly one and fails.

import { createServer, request } from 'node:http';
import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financeSesClient } from '#aws/aws-clients.js';
import { sendRawEmail } from '#aws/ses-mailer.js';
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
});
