/**
 * Runs before every test file (vitest `setupFiles`): every request the client sends to any fake
 * Devin API in the suite, and every answer a fake builds from its data, is checked against the
 * vendor's contract (test/contract/*-contract.ts). A violation fails the test that caused it.
 *
 * The client's requests are told from a test's own probes by the client's User-Agent: tests may
 * send a fake deliberately bad requests (to check its 422s); the client may not.
 */
import { afterEach, expect } from 'vitest';
import { USER_AGENT } from '../../functions/devin/client/get-json.js';
import { observeFakeExchanges } from '../../functions/devin/fake/exchange-observers.js';
import { contractState } from './contract-violations.js';
import { answerViolations, requestViolations } from './endpoint-contract.js';

const { violations } = contractState;

observeFakeExchanges({
  onRequest(request) {
    if (request.headers['user-agent'] !== USER_AGENT) return;
    for (const problem of requestViolations(request)) violations.push(`request ${request.url}: ${problem}`);
  },
  onAnswer(request, answer) {
    if (contractState.offContractAnswersAllowed) return;
    for (const problem of answerViolations(request, answer.status, answer.body)) {
      violations.push(`fake's answer to ${request.url}: ${problem}`);
    }
  },
});

afterEach(() => {
  const found = [...new Set(violations)];
  violations.length = 0;
  contractState.offContractAnswersAllowed = false;
  expect(found, 'requests or answers that break the vendor contract').toEqual([]);
});
