// Issue 27, finding 9: a hung S3 or SES request is ended by its timeout (throwOnRequestTimeout),
// inside the one retry policy, instead of only logging a warning and holding the close's claim
// until Lambda's 15-minute limit. The server here accepts each connection and never answers.
import { createServer, type Server, type Socket } from 'node:net';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financeSesClient, reportS3Client } from '#aws/aws-clients.js';

let server: Server;
let endpoint: string;
let connections = 0;
const sockets: Socket[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  server = createServer((socket) => {
    connections++;
    sockets.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
  process.env = saved;
});

const ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
};

describe('requests that hang', () => {
  it('end an S3 request at its timeout, retried by the SDK and then failed', async () => {
    Object.assign(process.env, ENV, { AWS_ENDPOINT_URL_S3: endpoint });
    const s3 = reportS3Client(200);
    const before = connections;
    const started = Date.now();
    await expect(
      s3.send(new GetObjectCommand({ Bucket: 'chargeback', Key: 'hung.json' })),
    ).rejects.toMatchObject({ name: expect.stringMatching(/Timeout/) });
    // Three attempts (the SDK's standard retries), each ended at 200 ms, not a hang.
    expect(connections - before).toBe(3);
    expect(Date.now() - started).toBeLessThan(10_000);
    s3.destroy();
  });

  it('end the finance send at its timeout, once: SES is never retried', async () => {
    Object.assign(process.env, ENV, { AWS_ENDPOINT_URL_SES: endpoint });
    const ses = financeSesClient(200);
    const before = connections;
    await expect(
      ses.send(
        new SendRawEmailCommand({ RawMessage: { Data: new TextEncoder().encode('Subject: x\r\n\r\nx') } }),
      ),
    ).rejects.toMatchObject({ name: expect.stringMatching(/Timeout/) });
    expect(connections - before).toBe(1);
    ses.destroy();
  });
});
