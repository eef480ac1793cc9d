import { createServer, request } from 'node:http';
import { closeServer, listenOnLoopback } from './aws-loopback.js';

/**
 * Fault injection for SES, like the fake Devin API's: a loopback proxy in
 * front of the SES emulator that answers SES's own MessageRejected to any
 * send addressed to a refused recipient, and forwards everything else. The
 * SDK under test talks real HTTP to it; nothing of the SDK is stubbed.
 */
export interface RefusingSesProxy {
  readonly endpoint: string;
  /** Recipients whose sends are refused while they are in the set. */
  readonly refused: Set<string>;
  close(): Promise<void>;
}

const REJECTED = `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>MessageRejected</Code><Message>Email address is not verified.</Message></Error><RequestId>proxy</RequestId></ErrorResponse>`;

export async function startRefusingSesProxy(upstream: string): Promise<RefusingSesProxy> {
  const refused = new Set<string>();
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = new URLSearchParams(body.toString('utf8'));
      const destinations = [...form]
        .filter(([key]) => key.startsWith('Destinations.member.'))
        .map(([, v]) => v);
      if (destinations.some((to) => refused.has(to))) {
        res.writeHead(400, { 'content-type': 'text/xml' });
        res.end(REJECTED);
        return;
      }
      const upstreamRequest = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (upstreamResponse) => {
          res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          upstreamResponse.pipe(res);
        },
      );
      upstreamRequest.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      upstreamRequest.end(body);
    });
  });
  const port = await listenOnLoopback(server);
  return { endpoint: `http://127.0.0.1:${port}`, refused, close: () => closeServer(server) };
}
