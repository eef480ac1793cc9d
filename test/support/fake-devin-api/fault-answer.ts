import type { FakeExchange } from '#devin/fake/exchange.js';
import { problem } from '#devin/fake/routes.js';
import { cursorOf, offsetOf } from '#devin/fake/v3/cursor-page.js';
import type { Fault } from './faults.js';

/**
 * Answers one request with `fault` (see {@link Fault}) in the fake's place. Every fault waits the
 * fake's latency like a normal answer; a `delay` adds to it; a `hang` never answers.
 */
export function answerWithFault(exchange: FakeExchange, fault: Fault): void {
  const sent = (status: number, body: unknown): void => exchange.send(status, JSON.stringify(body));
  switch (fault.kind) {
    case 'hang':
      return;
    case 'reset':
      exchange.later(0, () => exchange.reset());
      return;
    case 'delay':
      exchange.respond(fault.ms);
      return;
    case 'status':
      exchange.later(0, () =>
        exchange.send(
          fault.status,
          fault.body ?? JSON.stringify(problem(fault.status).body),
          fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter },
        ),
      );
      return;
    case 'malformed-json':
      exchange.later(0, () => {
        // Any proper prefix of a JSON object is invalid JSON: the braces never close.
        const text = JSON.stringify(exchange.answer().body);
        exchange.send(200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      });
      return;
    case 'mutate-page':
      exchange.later(0, () => {
        const reply = exchange.answer({ mutateSessions: fault.mutate });
        sent(reply.status, reply.body);
      });
      return;
    case 'repeat-page':
      exchange.later(0, () => {
        const asked = new URL(exchange.request.url, 'http://fake').searchParams;
        const firstPage = new URLSearchParams(asked);
        firstPage.delete('skip');
        firstPage.delete('after');
        const reply = exchange.answer({ query: firstPage });
        sent(reply.status, repeatedPage(reply.body, asked));
      });
      return;
  }
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
