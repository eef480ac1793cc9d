import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { V2EndDay } from './consumption-routes.js';
import type { AnswerVariant, FakeExchange, FakeIntercept, IncomingRequest } from './exchange.js';
import type { ArrayEncoding } from './query-reader.js';
import type { JsonReply } from './routes.js';
import { answer } from './routes.js';
import type { ServedData } from './served-data.js';
import { serveDataset } from './served-data.js';
import type { ProductSplit, ServiceUserBill } from './v3/v3-consumption.js';
import type { V3Prefix } from './v3/v3-endpoints.js';
import { isV3Path } from './v3/v3-endpoints.js';
import { answerV3 } from './v3/v3-routes.js';
import type { FakeDataset } from './wire.js';

export interface FakeDevinApiOptions {
  /** Requests without `Authorization: Bearer <apiKey>` get 401. */
  readonly apiKey: string;
  readonly data: FakeDataset;
  /** Where v3 lives: `/v3/` (default) or, as older docs show, `/v3beta1/` only. v2 is always served. */
  readonly v3Prefix?: V3Prefix;
  /**
   * Every request is answered this many ms after it arrives (default 0), as a distant server's
   * round trip would be: a timer, so requests in flight overlap as they do against a real host.
   */
  readonly latencyMs?: number;
  /** v3 session pages with `total: null`, as the vendor says some endpoints answer; default included. */
  readonly v3SessionTotals?: 'included' | 'omitted';
  /** How v3 daily bodies split a day by product (see {@link ProductSplit}); default every product. */
  readonly v3ProductSplit?: ProductSplit;
  /** Whether a v3 service user's bill holds the sessions it created on a person's behalf (see {@link ServiceUserBill}). */
  readonly v3ServiceUserBill?: ServiceUserBill;
  /** How list parameters are read, either way the vendor's sources allow (see {@link ArrayEncoding}); default repeated keys. */
  readonly arrayEncoding?: ArrayEncoding;
  /** Whether v2 daily consumption also answers the billing day `end_date` names (see {@link V2EndDay}); default not. */
  readonly v2EndDay?: V2EndDay;
  /**
   * Takes each request in the fake's place (default: `exchange.respond()`): the one way in for
   * what only tests want, such as faults, request logs and contract checks (test/support).
   */
  readonly intercept?: FakeIntercept;
}

/** A running fake of the Devin Enterprise API on 127.0.0.1, for tests, the demo and benchmarks. */
export interface FakeDevinApi {
  /** e.g. 'http://127.0.0.1:43121', no trailing slash. */
  readonly url: string;
  /** Serves another data set from the next request on (e.g. rows that change between pages). */
  setData(data: FakeDataset): void;
  /** Stops listening and destroys every connection, hung ones included. */
  close(): Promise<void>;
}

export async function startFakeDevinApi(options: FakeDevinApiOptions): Promise<FakeDevinApi> {
  let served: ServedData = serveDataset(options.data);
  let arrivals = 0;
  const sockets = new Set<Socket>();
  const delays = new Set<NodeJS.Timeout>();
  const latencyMs = checkedLatency(options.latencyMs ?? 0);
  const intercept = options.intercept ?? ((exchange: FakeExchange) => exchange.respond());
  const later = (ms: number, then: () => void): void => {
    if (ms <= 0) {
      then();
      return;
    }
    const timer = setTimeout(() => {
      delays.delete(timer);
      then();
    }, ms);
    delays.add(timer);
  };

  const answerTo = (request: IncomingRequest, variant: AnswerVariant = {}): JsonReply => {
    const routed = {
      method: request.method,
      path: request.path,
      query: variant.query ?? new URL(request.url, 'http://fake').searchParams,
      authorized: request.authorized,
      arrays: options.arrayEncoding ?? 'repeated',
      endDay: options.v2EndDay ?? 'excluded',
    };
    return isV3Path(routed.path)
      ? answerV3(routed, served, options.v3Prefix ?? 'v3', variant.mutateSessions, {
          ...(options.v3SessionTotals && { sessionTotals: options.v3SessionTotals }),
          ...(options.v3ProductSplit && { productSplit: options.v3ProductSplit }),
          ...(options.v3ServiceUserBill && { serviceUserBill: options.v3ServiceUserBill }),
        })
      : answer(routed, served, variant.mutateSessions);
  };

  const server = createServer((req, res) => {
    const request = describe(req, arrivals++, options.apiKey);
    const exchange: FakeExchange = {
      request,
      answer: (variant) => answerTo(request, variant),
      later: (extraMs, then) => later(latencyMs + extraMs, then),
      send: (status, text, headers) => send(res, status, text, headers),
      reset: () => {
        if (!req.socket.destroyed) req.socket.resetAndDestroy();
      },
      respond: (extraMs = 0) =>
        later(latencyMs + extraMs, () => {
          const reply = answerTo(request);
          send(res, reply.status, JSON.stringify(reply.body));
        }),
    };
    intercept(exchange);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    setData(data) {
      served = serveDataset(data);
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of delays) clearTimeout(timer);
        delays.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function checkedLatency(ms: number): number {
  if (!(Number.isFinite(ms) && ms >= 0)) {
    throw new RangeError(`latencyMs must be a finite number of milliseconds >= 0, got ${ms}`);
  }
  return ms;
}

function describe(req: IncomingMessage, index: number, apiKey: string): IncomingRequest {
  const target = req.url ?? '/';
  const url = new URL(target, 'http://fake');
  const query: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const authorization = headers.authorization;
  if (authorization !== undefined) headers.authorization = redacted(authorization);
  return {
    index,
    method: req.method ?? 'GET',
    path: url.pathname,
    url: target,
    query,
    headers,
    authorized: authorization !== undefined && bearerKey(authorization) === apiKey,
    at: new Date(),
  };
}

/** The key of a `Bearer` credential; the scheme is case-insensitive (RFC 7235). */
function bearerKey(authorization: string): string | null {
  const match = /^bearer +(.+)$/i.exec(authorization.trim());
  return match?.[1] ?? null;
}

function redacted(authorization: string): string {
  const scheme = authorization.trim().split(' ')[0] ?? '';
  return scheme.toLowerCase() === 'bearer' ? `${scheme} ***` : '***';
}

function send(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  // The client may have given up (timeout) while a delayed answer was pending.
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
