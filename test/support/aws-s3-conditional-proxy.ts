import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { closeServer, EMULATOR_REQUEST_TIMEOUT_MS, listenOnLoopback } from './aws-loopback.js';

/**
 * The one narrow stand-in of the S3 tests: s3rver predates S3 conditional
 * writes and ignores `If-None-Match: *` on PUT, so this loopback proxy in front
 * of it implements exactly that — a PutObject carrying `If-None-Match: *` on a
 * key that exists gets S3's 412 PreconditionFailed, one carrying `If-Match: <etag>`
 * gets 412 when the object's ETag differs (404 when there is none) — and forwards everything
 * else untouched. Conditional PUTs to one key are serialised, so the check and
 * the write are atomic like S3's, and two racing claims really race. Every other
 * PUT, GET and HEAD of one key waits its turn too: s3rver streams a PUT into its
 * file, so a GET beside it could read half an object, where S3 serves the whole
 * old object or the whole new one.
 */
export interface ConditionalWriteProxy {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startConditionalWriteProxy(upstreamPort: number): Promise<ConditionalWriteProxy> {
  const queues = new Map<string, Promise<void>>();

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const conditional =
      req.method === 'PUT' &&
      (req.headers['if-none-match'] === '*' || req.headers['if-match'] !== undefined) &&
      !isPartUpload(req);
    const whole = ['PUT', 'GET', 'HEAD'].includes(req.method ?? '') && !isMultipart(req);
    const handled = conditional
      ? oneAtATime(queues, path, () => conditionalPut(upstreamPort, path, req, res))
      : whole
        ? oneAtATime(queues, path, () => forward(upstreamPort, req, res))
        : forward(upstreamPort, req, res);
    handled.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${String(error)}`);
    });
  });
  const port = await listenOnLoopback(server);
  return { endpoint: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}

function isPartUpload(req: IncomingMessage): boolean {
  return new URL(req.url ?? '/', 'http://proxy').searchParams.has('uploadId');
}

/** A multipart upload's own calls: their parts are not the object's reads and writes. */
function isMultipart(req: IncomingMessage): boolean {
  const query = new URL(req.url ?? '/', 'http://proxy').searchParams;
  return query.has('uploadId') || query.has('uploads');
}

async function conditionalPut(
  upstreamPort: number,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const etag = await storedEtag(upstreamPort, path);
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined) {
    // S3: 404 NoSuchKey when there is no object, 412 when its ETag is not the one given.
    if (etag === undefined) return refuse(req, res, 404, 'NoSuchKey', 'The specified key does not exist.');
    if (ifMatch !== etag && ifMatch !== '*') return refuse(req, res, 412, 'PreconditionFailed', 'If-Match');
  } else if (etag !== undefined) {
    return refuse(req, res, 412, 'PreconditionFailed', 'If-None-Match');
  }
  await forward(upstreamPort, req, res);
}

function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  detail: string,
): void {
  req.resume();
  res.writeHead(status, { 'content-type': 'application/xml' });
  const body =
    code === 'PreconditionFailed'
      ? '<Message>At least one of the pre-conditions you specified did not hold</Message>' +
        `<Condition>${detail}</Condition>`
      : `<Message>${detail}</Message>`;
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code>${body}</Error>`);
}

/** The object's ETag as s3rver serves it (quoted), or undefined when there is no object. */
function storedEtag(upstreamPort: number, path: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const head = request(
      { host: '127.0.0.1', port: upstreamPort, path, method: 'HEAD', agent: false },
      (response) => {
        response.resume();
        const etag = response.headers.etag;
        resolve(response.statusCode === 200 ? (etag ?? '"?"') : undefined);
      },
    );
    head.setTimeout(EMULATOR_REQUEST_TIMEOUT_MS, () => head.destroy(new Error('HEAD to s3rver timed out')));
    head.on('error', reject);
    head.end();
  });
}

/**
 * Resolves once the upstream response has been passed on in full, i.e. the
 * write is done. No connection pooling (agent: false): idle keep-alive
 * connections to s3rver would hold up its close() for seconds.
 */
function forward(upstreamPort: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    // Node answers 100-continue itself; passing Expect on would make s3rver answer it again.
    const { expect: _expect, ...headers } = req.headers;
    const upstream = request(
      { host: '127.0.0.1', port: upstreamPort, path: req.url, method: req.method, headers, agent: false },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
        response.on('end', resolve);
        response.on('error', reject);
        // A caller that goes away mid-answer must not hold the key's turn.
        res.on('close', resolve);
      },
    );
    upstream.on('error', reject);
    req.pipe(upstream);
  });
}

function oneAtATime(
  queues: Map<string, Promise<void>>,
  key: string,
  task: () => Promise<void>,
): Promise<void> {
  const run = (queues.get(key) ?? Promise.resolve()).then(task);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
