import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { afterEach, describe, expect, it } from 'vitest';
import { type AwsEmulators, startAwsEmulators } from './aws-emulators.js';
import { useAwsEnv } from './aws-env.js';

const RAW_MAIL = Buffer.from('From: a@example.com\r\nTo: b@example.com\r\nSubject: hello\r\n\r\nbody\r\n');

let emulators: AwsEmulators | undefined;
let restoreEnv: (() => void) | undefined;
const clients: Array<{ destroy(): void }> = [];

async function started(): Promise<AwsEmulators> {
  emulators = await startAwsEmulators();
  restoreEnv = useAwsEnv(emulators.env);
  return emulators;
}

function client<T extends { destroy(): void }>(made: T): T {
  clients.push(made);
  return made;
}

afterEach(async () => {
  for (const made of clients.splice(0)) made.destroy();
  restoreEnv?.();
  await emulators?.stop();
});

describe('startAwsEmulators', () => {
  it('serves SDK clients configured only through the environment', async () => {
    const aws = await started();
    await aws.s3.createBucket('reports');
    const s3 = client(new S3Client({}));
    const ses = client(new SESClient({}));

    await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'a.txt', Body: 'stored' }));
    const object = await s3.send(new GetObjectCommand({ Bucket: 'reports', Key: 'a.txt' }));
    const sent = await ses.send(
      new SendRawEmailCommand({
        Source: 'a@example.com',
        Destinations: ['b@example.com'],
        RawMessage: { Data: RAW_MAIL },
      }),
    );

    expect(await object.Body?.transformToString()).toBe('stored');
    expect((await aws.ses.mails()).map((mail) => [mail.messageId, mail.subject])).toEqual([
      [sent.MessageId, 'hello'],
    ]);
  });

  it('answers a conditional create of an existing key with S3’s 412, and lets plain overwrites through', async () => {
    const aws = await started();
    await aws.s3.createBucket('reports');
    const s3 = client(new S3Client({}));
    const create = (body: string) =>
      s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'marker', Body: body, IfNoneMatch: '*' }));

    await create('first');
    const second = await create('second').catch((error: unknown) => error);
    await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'marker', Body: 'overwritten' }));

    expect(second).toMatchObject({ name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    const object = await s3.send(new GetObjectCommand({ Bucket: 'reports', Key: 'marker' }));
    expect(await object.Body?.transformToString()).toBe('overwritten');
  });

  it('stops S3 alone, so a test can see S3 down while SES still works', async () => {
    const aws = await started();
    await aws.s3.createBucket('reports');
    const s3 = client(new S3Client({ maxAttempts: 1 }));

    await aws.s3.stop();

    await expect(s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'k', Body: 'x' }))).rejects.toThrow(
      /ECONNREFUSED/,
    );
    expect(await aws.ses.mails()).toEqual([]);
  });

  it('stops SES alone, so a test can see the send fail', async () => {
    const aws = await started();
    const ses = client(new SESClient({ maxAttempts: 1 }));

    await aws.ses.stop();

    await expect(
      ses.send(new SendRawEmailCommand({ Source: 'a@example.com', RawMessage: { Data: RAW_MAIL } })),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
