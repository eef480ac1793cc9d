import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import { closeServer, EMULATOR_REQUEST_TIMEOUT_MS, listenOnLoopback } from './aws-loopback.js';

/**
 * Faults on the wire, for the SDK's real HTTP: a loopback proxy in front of an emulator that
 * forwards every request, except the ones an armed fault picks. Two faults:
 * - `lose-answer`: the request reaches the emulator and is carried out, then the connection is
 *   dropped before the caller reads the answer (the SDK sees a reset; a retry repeats the call);
 * - `{ status }`: answered with that status and an AWS error body, never forwarded.
 * A fault picks the `nth` request (1-based) that matches it, and the `times - 1` matching ones
 * after it.
 */
export interface FaultProxy {
  readonly endpoint: string;
  arm(fault: WireFault): ArmedFault;
  /** Disarms every fault. */
  clear(): void;
  close(): Promise<void>;
}

export interface WireFault {
  readonly method?: string;
  /** Tested against the path and query, e.g. `/bucket/reports/markers/…email.json`. */
  readonly path?: RegExp;
  /** Tested against the request body as text (SES's form: `Action=SendRawEmail&…`). */
  readonly body?: RegExp;
  readonly headers?: (headers: IncomingHttpHeaders) => boolean;
  /** Default 1: the first matching request. */
  readonly nth?: number;
  /** Default 1. */
  readonly times?: number;
  readonly fault: 'lose-answer' | { readonly status: number; readonly code?: string };
}

export interface ArmedFault {
  /** Matching requests seen so far. */
  readonly matched: number;
  /** Requests the fault was applied to. */
  readonly applied: number;
}

interface Armed extends WireFault {
  matched: number;
  applied: number;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  let armed: Armed[] = [];
  const pick = (method: string, path: string, headers: IncomingHttpHeaders, body: string) => {
    let picked: Armed | undefined;
    for (const fault of armed) {
      const matches =
        (fault.method === undefined || fault.method === method) &&
        (fault.path === undefined || fault.path.test(path)) &&
        (fault.body === undefined || fault.body.test(body)) &&
        (fault.headers === undefined || fault.headers(headers));
      if (!matches) continue;
      fault.matched++;
      const first = fault.nth ?? 1;
      if (picked === undefined && fault.matched >= first && fault.matched < first + (fault.times ?? 1)) {
        fault.applied++;
        picked = fault;
      }
    }
    return picked;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const fault = pick(req.method ?? 'GET', req.url ?? '/', req.headers, body.toString('utf8'));
      if (fault !== undefined && fault.fault !== 'lose-answer') {
        const code = fault.fault.code ?? 'ServiceUnavailable';
        res.writeHead(fault.fault.status, { 'content-type': 'application/xml' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>injected by the test's fault proxy</Message></Error>`,
        );
        return;
      }
      // Node answers 100-continue itself; passing Expect on would make the emulator answer it again.
      // The body goes on whole, with its length, however it came.
      const { expect: _expect, 'transfer-encoding': _chunked, ...headers } = req.headers;
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...headers, 'content-length': String(body.length) },
          agent: false,
        },
        (answer) => {
          if (fault !== undefined) {
            // Carried out upstream; the caller never hears of it.
            answer.resume();
            answer.on('end', () => res.socket?.destroy());
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.setTimeout(EMULATOR_REQUEST_TIMEOUT_MS, () => forward.destroy(new Error('upstream timed out')));
      forward.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  const port = await listenOnLoopback(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    arm(fault) {
      const entry: Armed = { ...fault, matched: 0, applied: 0 };
      armed.push(entry);
      return entry;
    },
    clear() {
      armed = [];
    },
    close: () => closeServer(server),
  };
}
