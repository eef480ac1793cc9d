import {
  type FakeDevinApi,
  type FakeDevinApiOptions,
  startFakeDevinApi,
} from '#devin/fake/fake-devin-api.js';
import { answerWithFault } from './fault-answer.js';
import { FaultSchedule } from './fault-schedule.js';
import type { FaultPlan } from './faults.js';
import type { RecordedRequest } from './recorded-request.js';

export interface TestDevinApiOptions extends Omit<FakeDevinApiOptions, 'intercept'> {
  readonly faults?: FaultPlan;
}

/** The fake Devin API with what tests add to it: scripted faults and a log of every request. */
export interface TestDevinApi extends FakeDevinApi {
  /** Every request seen, in order of arrival (a live array: `length = 0` clears it). */
  readonly requests: RecordedRequest[];
  /** Replaces the plan; its rules start with all their uses and its random sequence from its seed. */
  setFaults(plan: FaultPlan): void;
}

/** Starts the fake (functions/devin/fake) with its one intercept wired to faults and a request log. */
export async function startTestDevinApi(options: TestDevinApiOptions): Promise<TestDevinApi> {
  const { faults: plan, ...fakeOptions } = options;
  let faults = new FaultSchedule(plan ?? {});
  const requests: RecordedRequest[] = [];
  const api = await startFakeDevinApi({
    ...fakeOptions,
    intercept(exchange) {
      const fault = faults.next(exchange.request);
      requests.push({ ...exchange.request, fault: fault?.kind ?? null });
      if (fault === null) exchange.respond();
      else answerWithFault(exchange, fault);
    },
  });
  return {
    url: api.url,
    requests,
    setFaults(next) {
      faults = new FaultSchedule(next);
    },
    setData: (data) => api.setData(data),
    close: () => api.close(),
  };
}
