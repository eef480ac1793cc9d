import { createServer, request } from 'node:http';
import { closeServer, listenOnLoopback } from './aws-loopback.js';

/**
 * The SES emulator (aws-ses-v2-local) sends and stores mail but never answers SES v1's
 * GetIdentityVerificationAttributes or GetSendQuota. This loopback proxy in front of it answers
 * those two from the state a test sets, on SES's own Query/XML wire format, and forwards every
 * other action (the sends) to the emulator. The SDK under test talks real HTTP; nothing is stubbed.
 * Wire format: https://docs.aws.amazon.com/ses/latest/APIReference/API_GetIdentityVerificationAttributes.html
 */
export interface SesIdentityProxy {
  readonly endpoint: string;
  /** Identity (address or domain) → VerificationStatus; identities SES never heard of are absent. */
  readonly verification: Map<string, 'Success' | 'Pending' | 'Failed' | 'TemporaryFailure' | 'NotStarted'>;
  /** GetSendQuota's Max24HourSend: 200 in the sandbox. */
  max24HourSend: number;
  /** The actions this proxy answered itself, in order. */
  readonly answered: string[];
  close(): Promise<void>;
}

const NS = 'http://ses.amazonaws.com/doc/2010-12-01/';

export async function startSesIdentityProxy(upstream: string): Promise<SesIdentityProxy> {
  const target = new URL(upstream);
  const state: SesIdentityProxy = {
    endpoint: '',
    verification: new Map(),
    max24HourSend: 200,
    answered: [],
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = new URLSearchParams(body.toString('utf8'));
      const action = form.get('Action');
      if (action === 'GetIdentityVerificationAttributes') {
        state.answered.push(action);
        const identities = [...form].filter(([k]) => k.startsWith('Identities.member.')).map(([, v]) => v);
        const entries = identities
          .filter((identity) => state.verification.has(identity))
          .map(
            (identity) =>
              `<entry><key>${xml(identity)}</key><value><VerificationStatus>${state.verification.get(identity)}</VerificationStatus></value></entry>`,
          )
          .join('');
        return reply(
          res,
          `<GetIdentityVerificationAttributesResponse xmlns="${NS}"><GetIdentityVerificationAttributesResult><VerificationAttributes>${entries}</VerificationAttributes></GetIdentityVerificationAttributesResult><ResponseMetadata><RequestId>proxy</RequestId></ResponseMetadata></GetIdentityVerificationAttributesResponse>`,
        );
      }
      if (action === 'GetSendQuota') {
        state.answered.push(action);
        const rate = state.max24HourSend <= 200 ? 1 : 14;
        return reply(
          res,
          `<GetSendQuotaResponse xmlns="${NS}"><GetSendQuotaResult><SentLast24Hours>0.0</SentLast24Hours><Max24HourSend>${state.max24HourSend.toFixed(1)}</Max24HourSend><MaxSendRate>${rate.toFixed(1)}</MaxSendRate></GetSendQuotaResult><ResponseMetadata><RequestId>proxy</RequestId></ResponseMetadata></GetSendQuotaResponse>`,
        );
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
  return Object.assign(state, {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => closeServer(server),
  });
}

function reply(res: import('node:http').ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'text/xml' });
  res.end(body);
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
