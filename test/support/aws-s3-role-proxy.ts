import { createServer, request } from 'node:http';
import { closeServer, listenOnLoopback } from './aws-loopback.js';

/**
 * S3 as a role that may only `s3:GetObject` some key patterns (and may not list the bucket) sees it:
 * a loopback proxy in front of the S3 emulator that forwards GET and HEAD of a key matching one of
 * the patterns (IAM's `*` wildcard), answers S3's 403 AccessDenied to anything else, and, as S3
 * does for a caller without s3:ListBucket, turns the emulator's 404 for a missing key into a 403.
 */
export interface S3RoleProxy {
  readonly endpoint: string;
  /** Requests the proxy refused, as `METHOD key`. */
  readonly refused: string[];
  close(): Promise<void>;
}

const ACCESS_DENIED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';

export async function startS3RoleProxy(upstream: string, bucket: string, keyPatterns: readonly string[]) {
  const target = new URL(upstream);
  const allowed = keyPatterns.map(
    (pattern) => new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 's'),
  );
  const refused: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const [, bucketName = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const readable =
      (req.method === 'GET' || req.method === 'HEAD') &&
      bucketName === bucket &&
      allowed.some((pattern) => pattern.test(key));
    const deny = () => {
      refused.push(`${req.method} ${key}`);
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(req.method === 'HEAD' ? undefined : ACCESS_DENIED);
    };
    if (!readable) {
      req.resume();
      deny();
      return;
    }
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
        agent: false,
      },
      (response) => {
        if (response.statusCode === 404) {
          response.resume();
          deny();
          return;
        }
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    forwarded.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${String(error)}`);
    });
    req.pipe(forwarded);
  });
  const port = await listenOnLoopback(server);
  const proxy: S3RoleProxy = {
    endpoint: `http://127.0.0.1:${port}`,
    refused,
    close: () => closeServer(server),
  };
  return proxy;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
