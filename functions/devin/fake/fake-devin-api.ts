import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { V2EndDay } from './consumption-routes.js';
import { reportAnswer, reportRequest } from './exchange-observers.js';
import { FaultSchedule } from './fault-schedule.js';
import type { Fault, FaultPlan } from './faults.js';
import type { ArrayEncoding } from './query-reader.js';
import type { IncomingRequest, RecordedRequest } from './recorded-request.js';
import type { JsonReply, PageMutation } from './routes.js';
import { answer, problem } from './routes.js';
import type { ServedData } from './served-data.js';
import { serveDataset } from './served-data.js';
import { cursorOf, offsetOf } from './v3/cursor-page.js';
import type { ProductSplit, ServiceUserBill } from './v3/v3-consumption.js';
import type { V3Prefix } from './v3/v3-endpoints.js';
import { isV3Path } from './v3/v3-endpoints.js';
import { answerV3 } from './v3/v3-routes.js';
import type { FakeDataset } from './wire.js';

export interface FakeDevinApiOptions {
  /** Requests without `Authorization: Bearer <apiKey>` get 401. */
  readonly apiKey: string;
  readonly data: FakeDataset;
  readonly faults?: FaultPlan;
  /** Where v3 lives: `/v3/` (default) or, as older docs show, `/v3beta1/` only. v2 is always served. */
  readonly v3Prefix?: V3Prefix;
  /**
   * Every request is answered this many ms after it arrives (default 0), as a distant server's
   * round trip would be: a timer, so requests in flight overlap as they do against a real host. A
   * `delay` fault adds to it; faults that answer at once (status, reset, malformed-json) wait it too.
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
}

/** A running fake of the Devin Enterprise API on 127.0.0.1, for tests, the demo and benchmarks. */
export interface FakeDevinApi {
  /** e.g. 'http://127.0.0.1:43121', no trailing slash. */
  readonly url: string;
  /** Every request seen, in order of arrival (a live array: `length = 0` clears it). */
  readonly requests: RecordedRequest[];
  /** Replaces the plan; its rules start with all their uses and its random sequence from its seed. */
  setFaults(plan: FaultPlan): void;
  /** Serves another data set from the next request on (e.g. rows that change between pages). */
  setData(data: FakeDataset): void;
  /** Stops listening and destroys every connection, hung ones included. */
  close(): Promise<void>;
}

export async function startFakeDevinApi(options: FakeDevinApiOptions): Promise<FakeDevinApi> {
  let served: ServedData = serveDataset(options.data);
  let faults = new FaultSchedule(options.faults ?? {});
  const requests: RecordedRequest[] = [];
  // Counted apart from `requests`, so that a test clearing the record does not reuse indexes.
  let arrivals = 0;
  const sockets = new Set<Socket>();
  const delays = new Set<NodeJS.Timeout>();
  const latencyMs = checkedLatency(options.latencyMs ?? 0);
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

  const reply = (request: RecordedRequest, res: ServerResponse, fault: Fault | null): void => {
    const asked = new URL(request.url, 'http://fake').searchParams;
    const query = new URLSearchParams(asked);
    if (fault?.kind === 'repeat-page') {
      query.delete('skip');
      query.delete('after');
    }
    const routed = {
      method: request.method,
      path: request.path,
      query,
      authorized: request.authorized,
      arrays: options.arrayEncoding ?? 'repeated',
      endDay: options.v2EndDay ?? 'excluded',
    };
    const mutation: PageMutation | undefined = fault?.kind === 'mutate-page' ? fault.mutate : undefined;
    const result = isV3Path(routed.path)
      ? answerV3(routed, served, options.v3Prefix ?? 'v3', mutation, {
          ...(options.v3SessionTotals && { sessionTotals: options.v3SessionTotals }),
          ...(options.v3ProductSplit && { productSplit: options.v3ProductSplit }),
          ...(options.v3ServiceUserBill && { serviceUserBill: options.v3ServiceUserBill }),
        })
      : answer(routed, served, mutation);
    if (fault === null) reportAnswer(request, result);
    const text = JSON.stringify(
      fault?.kind === 'repeat-page' ? repeatedPage(result.body, asked) : result.body,
    );
    if (fault?.kind === 'malformed-json') {
      // Any proper prefix of a JSON object is invalid JSON: the braces never close.
      send(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    } else {
      send(res, result.status, text);
    }
  };

  const server = createServer((req, res) => {
    const incoming = describe(req, arrivals++, options.apiKey);
    const fault = faults.next(incoming);
    const recorded: RecordedRequest = { ...incoming, fault: fault?.kind ?? null };
    requests.push(recorded);
    reportRequest(recorded);
    switch (fault?.kind) {
      case 'hang':
        return;
      case 'reset':
        later(latencyMs, () => {
          if (!req.socket.destroyed) req.socket.resetAndDestroy();
        });
        return;
      case 'status':
        later(latencyMs, () => sendStatusFault(res, fault));
        return;
      case 'delay':
        later(latencyMs + fault.ms, () => reply(recorded, res, null));
        return;
      default:
        later(latencyMs, () => reply(recorded, res, fault));
    }
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
    requests,
    setFaults(plan) {
      faults = new FaultSchedule(plan);
    },
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

/** Page one presented as the page asked for, with a cursor past it and more always to come. */
function repeatedPage(body: unknown, asked: URLSearchParams): unknown {
  if (body === null || typeof body !== 'object' || !('items' in body) || !Array.isArray(body.items))
    return body;
  const count = body.items.length;
  if ('end_cursor' in body) {
    const after = asked.get('after');
    const offset = (after === null || after === '' ? 0 : offsetOf(after)) ?? 0;
    return { ...body, end_cursor: cursorOf(offset + count), has_next_page: true };
  }
  const skip = Number(asked.get('skip') ?? '0');
  return { ...body, skip, has_more: true, next_cursor: skip + count };
}

function sendStatusFault(res: ServerResponse, fault: Extract<Fault, { kind: 'status' }>): void {
  const fallback: JsonReply = problem(fault.status);
  const headers: Record<string, string> =
    fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
  send(res, fault.status, fault.body ?? JSON.stringify(fallback.body), headers);
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  // The client may have given up (timeout) while a delayed answer was pending.
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
