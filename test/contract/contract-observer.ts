import { USER_AGENT } from '#devin/client/get-json.js';
import type { ExchangeObserver } from '../support/fake-devin-api/exchange-observers.js';
import { contractState } from './contract-violations.js';
import { answerViolations, requestViolations } from './endpoint-contract.js';

/**
 * Notes each client request and each fake answer that breaks the vendor's contract. The client's
 * requests are told from a test's own probes by the client's User-Agent: tests may send a fake
 * deliberately bad requests (to check its 422s); the client may not.
 */
export const contractObserver: ExchangeObserver = {
  onRequest(request) {
    if (request.headers['user-agent'] !== USER_AGENT) return;
    for (const problem of requestViolations(request)) {
      contractState.violations.push(`request ${request.url}: ${problem}`);
    }
  },
  onAnswer(request, answer) {
    if (contractState.offContractAnswersAllowed) return;
    for (const problem of answerViolations(request, answer.status, answer.body)) {
      contractState.violations.push(`fake's answer to ${request.url}: ${problem}`);
    }
  },
};
