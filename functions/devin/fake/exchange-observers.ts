import type { RecordedRequest } from './recorded-request.js';

/** What a fake answered to one request: the status and the JSON body it sent (null when none). */
export interface FakeAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Someone watching every fake Devin API in the process: a test suite checks each request and
 * answer against the vendor's published contract this way without touching each test. The fake
 * knows nothing of the contract; it only reports what it saw and said.
 */
export interface ExchangeObserver {
  onRequest?(request: RecordedRequest): void;
  /** Called for answers built from the data set (not for injected faults), before they are sent. */
  onAnswer?(request: RecordedRequest, answer: FakeAnswer): void;
}

const observers = new Set<ExchangeObserver>();

/** Starts watching; the returned function stops. */
export function observeFakeExchanges(observer: ExchangeObserver): () => void {
  observers.add(observer);
  return () => {
    observers.delete(observer);
  };
}

export function reportRequest(request: RecordedRequest): void {
  for (const observer of observers) observer.onRequest?.(request);
}

export function reportAnswer(request: RecordedRequest, answer: FakeAnswer): void {
  for (const observer of observers) observer.onAnswer?.(request, answer);
}
