import type { Fault } from './faults.js';

/** A request as it arrived, before the fake decided how to answer it. */
export interface IncomingRequest {
  /** 0-based position among every request this server has seen. */
  readonly index: number;
  readonly method: string;
  /** e.g. '/v2/enterprise/sessions', without the query. */
  readonly path: string;
  /** Path and query string exactly as sent, to assert on the encoding (repeated keys, ISO instants). */
  readonly url: string;
  /** Every value of every query parameter, in order. */
  readonly query: Readonly<Record<string, readonly string[]>>;
  /** Header names in lower case; `authorization` is redacted so that no key ends up in a test log. */
  readonly headers: Readonly<Record<string, string>>;
  /** Whether the request carried `Authorization: Bearer <the server's key>`. */
  readonly authorized: boolean;
  readonly at: Date;
}

/** What the fake saw, and which fault (if any) it answered with. */
export interface RecordedRequest extends IncomingRequest {
  readonly fault: Fault['kind'] | null;
}
