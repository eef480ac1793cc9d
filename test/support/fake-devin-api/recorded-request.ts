import type { IncomingRequest } from '#devin/fake/exchange.js';
import type { Fault } from './faults.js';

/** What the fake saw, and which fault (if any) it answered with. */
export interface RecordedRequest extends IncomingRequest {
  readonly fault: Fault['kind'] | null;
}
