import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from './aws-loopback.js';

/**
 * No Step Functions emulator installs here, so this loopback server speaks the one call the report
 * function makes, StartExecution, in the real wire protocol (AWS JSON 1.0, `X-Amz-Target`), and
 * keeps what was started: a test then runs the execution's steps itself, as the state machine would.
 */
export interface FakeStepFunctions {
  readonly endpoint: string;
  readonly started: { readonly stateMachineArn: string; readonly name: string; readonly input: unknown }[];
  close(): Promise<void>;
}

export async function startFakeStepFunctions(): Promise<FakeStepFunctions> {
  const started: FakeStepFunctions['started'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(body));
      };
      if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
        return reply(403, { __type: 'MissingAuthenticationTokenException', message: 'unsigned request' });
      }
      if (req.headers['x-amz-target'] !== 'AWSStepFunctions.StartExecution') {
        return reply(400, { __type: 'UnknownOperationException', message: 'only StartExecution is faked' });
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        stateMachineArn: string;
        name: string;
        input: string;
      };
      started.push({ stateMachineArn: body.stateMachineArn, name: body.name, input: JSON.parse(body.input) });
      return reply(200, {
        executionArn: `${body.stateMachineArn.replace(':stateMachine:', ':execution:')}:${body.name}`,
        startDate: Date.now() / 1000,
      });
    });
  });
  const port = await listenOnLoopback(server);
  return { endpoint: `http://127.0.0.1:${port}`, started, close: () => closeServer(server) };
}
