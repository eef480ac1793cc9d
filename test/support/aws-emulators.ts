import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { z } from 'zod';
import { closeServer, EMULATOR_REQUEST_TIMEOUT_MS, portOf } from './aws-loopback.js';
import { startConditionalWriteProxy } from './aws-s3-conditional-proxy.js';
import { type FakeSecretsManager, startFakeSecretsManager } from './aws-secrets-manager-fake.js';

/**
 * Local S3 (s3rver behind the conditional-write proxy), SES (aws-ses-v2-local)
 * and Secrets Manager (a protocol-level fake) on loopback ephemeral ports, for
 * tests that run the real SDK clients. `env` points the SDK's standard
 * configuration at them, so code under test needs no emulator path of its own.
 */
export interface AwsEmulators {
  readonly s3: {
    readonly endpoint: string;
    createBucket(name: string): Promise<void>;
    /** Stops S3 alone, for "S3 is down" tests. */
    stop(): Promise<void>;
  };
  readonly ses: {
    readonly endpoint: string;
    /** Every message the emulator received since these emulators started. */
    mails(): Promise<StoredMail[]>;
    /** Stops SES alone, for "SES fails" tests. */
    stop(): Promise<void>;
  };
  readonly secretsManager: FakeSecretsManager;
  /** AWS_ENDPOINT_URL_S3/_SES/_SECRETS_MANAGER, region and s3rver's fixed credentials. */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

const storedMailSchema = z.object({
  messageId: z.string(),
  from: z.string(),
  destination: z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) }),
  subject: z.string(),
  /** Reply-To addresses, as the emulator parsed them from the raw message. */
  replyTo: z.array(z.string()).optional(),
  body: z.object({ html: z.string().optional(), text: z.string().optional() }),
  attachments: z.array(
    z.object({
      /** base64 */
      content: z.string(),
      contentType: z.string(),
      filename: z.string().optional(),
      size: z.number(),
    }),
  ),
  /** Epoch seconds. */
  at: z.number(),
});
export type StoredMail = z.infer<typeof storedMailSchema>;
const storeSchema = z.object({ emails: z.array(storedMailSchema) });

// aws-ses-v2-local is CommonJS with `exports.default`: Node's ESM import and
// vitest's disagree on what `default` is, while require() is unambiguous.
const { default: startSesEmulator } = createRequire(import.meta.url)('aws-ses-v2-local') as {
  default: (config: { host: string; port: number }) => Promise<Server>;
};

/** s3rver accepts any signature but knows only this access key. */
const S3RVER_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

export async function startAwsEmulators(): Promise<AwsEmulators> {
  // Whatever started is stopped again if a later emulator fails to start.
  const stops: Array<() => Promise<void>> = [];
  try {
    const s3 = await startLocalS3();
    stops.push(s3.stop);
    const ses = await startLocalSes();
    stops.push(ses.stop);
    const secretsManager = await startFakeSecretsManager();
    stops.push(() => secretsManager.close());

    return {
      s3,
      ses,
      secretsManager,
      env: {
        AWS_REGION: 'us-east-1',
        ...S3RVER_CREDENTIALS,
        AWS_ENDPOINT_URL_S3: s3.endpoint,
        AWS_ENDPOINT_URL_SES: ses.endpoint,
        AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      },
      stop: async () => {
        await Promise.all(stops.map((stop) => stop()));
      },
    };
  } catch (error) {
    await Promise.all(stops.map((stop) => stop()));
    throw error;
  }
}

async function startLocalS3(): Promise<AwsEmulators['s3']> {
  const directory = await mkdtemp(join(tmpdir(), 'devin-chargeback-s3-'));
  const removeDirectory = () => rm(directory, { recursive: true, force: true });
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  let s3rverPort: number;
  try {
    s3rverPort = (await s3rver.run()).port;
  } catch (error) {
    await removeDirectory();
    throw error;
  }
  const proxy = await startConditionalWriteProxy(s3rverPort).catch(async (error: unknown) => {
    await s3rver.close();
    await removeDirectory();
    throw error;
  });
  return {
    endpoint: proxy.endpoint,
    createBucket: async (name) => {
      const response = await emulatorFetch(`http://127.0.0.1:${s3rverPort}/${encodeURIComponent(name)}`, {
        method: 'PUT',
      });
      if (!response.ok) throw new Error(`s3rver did not create bucket ${name}: ${response.status}`);
    },
    stop: once(async () => {
      await proxy.close();
      await s3rver.close();
      await removeDirectory();
    }),
  };
}

async function startLocalSes(): Promise<AwsEmulators['ses']> {
  const server = await startSesEmulator({ host: '127.0.0.1', port: 0 });
  const endpoint = `http://127.0.0.1:${portOf(server)}`;
  const stop = once(() => closeServer(server));
  try {
    // The emulator keeps mails in a module-level store, shared by every instance in this process.
    await emulatorFetch(`${endpoint}/clear-store`, { method: 'POST' });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    endpoint,
    mails: async () => {
      const response = await emulatorFetch(`${endpoint}/store`);
      return storeSchema.parse(await response.json()).emails;
    },
    stop,
  };
}

/** Stopping twice (a test stops S3, afterAll stops everything) is a no-op the second time. */
function once(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= stop();
    return stopping;
  };
}

function emulatorFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(EMULATOR_REQUEST_TIMEOUT_MS) });
}
