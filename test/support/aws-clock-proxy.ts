import { createServer, request } from 'node:http';
import { closeServer, listenOnLoopback } from './aws-loopback.js';

/**
 * For tests that move the clock with fake `Date`: s3rver checks signatures
 * against the moved clock, but Node stamps its responses' `Date` header with
 * its own internal clock, which fake timers cannot move. The SDK reads that
 * header as clock skew and "corrects" its signing time back, which s3rver
 * then refuses. This loopback proxy forwards everything untouched except that
 * header, which it sets from the (moved) `Date`, as a server living at that
 * time would.
 */
export async function startClockFollowingProxy(
  upstream: string,
): Promise<{ readonly endpoint: string; close(): Promise<void> }> {
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const { expect: _expect, ...headers } = req.headers;
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers,
        agent: false,
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, { ...response.headers, date: new Date().toUTCString() });
        response.pipe(res);
      },
    );
    forwarded.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`clock proxy: ${String(error)}`);
    });
    req.pipe(forwarded);
  });
  const port = await listenOnLoopback(server);
  return { endpoint: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}
