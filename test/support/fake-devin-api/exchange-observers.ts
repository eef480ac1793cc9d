import type { FakeExchange, FakeIntercept, IncomingRequest } from '#devin/fake/exchange.js';
import type { JsonReply } from '#devin/fake/routes.js';

/**
 * Someone watching a fake Devin API's exchanges: the contract suite checks each request and
 * answer against the vendor's published contract this way (test/contract/contract-setup.ts wraps
 * every fake the process starts). The fake knows nothing of the contract or of the watcher.
 */
export interface ExchangeObserver {
  onRequest?(request: IncomingRequest): void;
  /** Called for answers built from the data set (not for injected faults), before they are sent. */
  onAnswer?(request: IncomingRequest, answer: JsonReply): void;
}

/**
 * An intercept that reports to `observer`, then lets `inner` (or the fake's own way) answer. Only
 * the fake's own answer (`respond`) is reported as an answer: a fault's altered body is not.
 */
export function observedIntercept(observer: ExchangeObserver, inner?: FakeIntercept): FakeIntercept {
  return (exchange) => {
    observer.onRequest?.(exchange.request);
    const watched: FakeExchange = {
      ...exchange,
      respond: (extraMs = 0) =>
        exchange.later(extraMs, () => {
          const reply = exchange.answer();
          observer.onAnswer?.(exchange.request, reply);
          exchange.send(reply.status, JSON.stringify(reply.body));
        }),
    };
    if (inner) inner(watched);
    else watched.respond();
  };
}
