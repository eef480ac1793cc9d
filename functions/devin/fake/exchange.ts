import type { JsonReply, PageMutation } from './routes.js';

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

/** Another answer to the same request: as if `query` had been sent, or with a page's session rows changed. */
export interface AnswerVariant {
  readonly query?: URLSearchParams;
  /** Gets a deep copy of the page's rows; the page's counts and cursor still describe the unchanged page. */
  readonly mutateSessions?: PageMutation;
}

/**
 * One request on its way through the fake, handed to `intercept` (see FakeDevinApiOptions). The
 * fake's own way is `respond()`; anything else (a test's faults, a request log, a contract check)
 * is built from these few parts outside the fake.
 */
export interface FakeExchange {
  readonly request: IncomingRequest;
  /** Answers as the fake does without an interceptor: its answer from the data set, after its latency plus `extraMs`. */
  respond(extraMs?: number): void;
  /** The fake's answer from its data set (or a variant of it), not sent. */
  answer(variant?: AnswerVariant): JsonReply;
  /** Runs `then` once the fake's latency plus `extraMs` has passed; `close()` cancels it. */
  later(extraMs: number, then: () => void): void;
  /** Sends a text as the body, as JSON; nothing when the client has already gone. */
  send(status: number, text: string, headers?: Readonly<Record<string, string>>): void;
  /** Destroys the connection: the client sees a network error. */
  reset(): void;
}

/** Steps in where the fake would answer; it must answer (respond, send, reset) or knowingly never do. */
export type FakeIntercept = (exchange: FakeExchange) => void;
