import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from './aws-loopback.js';

/**
 * No Secrets Manager emulator installs here (moto needs Debian 13), so this
 * loopback server speaks the one call the app makes, GetSecretValue, in the
 * real wire protocol (AWS JSON 1.1, `X-Amz-Target`): the real SDK client is
 * exercised end to end, signing and error parsing included.
 */
export interface FakeSecretsManager {
  readonly endpoint: string;
  /** Stores a version of the secret; `undefined` makes the secret exist without a value. */
  setSecret(secretId: string, secretString: string | undefined): void;
  /** GetSecretValue calls received so far. */
  getSecretValueCalls(): number;
  close(): Promise<void>;
}

const TARGET = 'secretsmanager.GetSecretValue';

export async function startFakeSecretsManager(): Promise<FakeSecretsManager> {
  const secrets = new Map<string, string | undefined>();
  let calls = 0;

  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      if (req.method !== 'POST' || !req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
        return reply(res, 403, {
          __type: 'MissingAuthenticationTokenException',
          message: 'unsigned request',
        });
      }
      if (req.headers['x-amz-target'] !== TARGET) {
        return reply(res, 400, {
          __type: 'UnknownOperationException',
          message: 'only GetSecretValue is faked',
        });
      }
      calls += 1;
      const secretId = secretIdOf(body);
      const secretString = secretId === undefined ? undefined : secrets.get(secretId);
      if (secretId === undefined || secretString === undefined) {
        return reply(res, 400, {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
        });
      }
      return reply(res, 200, {
        ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${secretId}-AbCdEf`,
        Name: secretId,
        VersionId: '00000000-0000-0000-0000-000000000001',
        SecretString: secretString,
        VersionStages: ['AWSCURRENT'],
        CreatedDate: 1_767_225_600,
      });
    });
  });
  const port = await listenOnLoopback(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    setSecret: (secretId, secretString) => {
      secrets.set(secretId, secretString);
    },
    getSecretValueCalls: () => calls,
    close: () => closeServer(server),
  };
}

function secretIdOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'SecretId' in parsed &&
      typeof parsed.SecretId === 'string'
    ) {
      return parsed.SecretId;
    }
  } catch {
    // fall through: a malformed request finds no secret
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf-8');
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify(body));
}
