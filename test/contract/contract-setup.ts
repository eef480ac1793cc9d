/**
 * Runs before every test file (vitest `setupFiles`): every request the client sends to any fake
 * Devin API in the suite, and every answer a fake builds from its data, is checked against the
 * vendor's contract (test/contract/*-contract.ts, via contract-observer.ts). A violation fails
 * the test that caused it.
 */
import { afterEach, expect, vi } from 'vitest';
import type * as FakeModule from '#devin/fake/fake-devin-api.js';
import { contractState } from './contract-violations.js';

// Every fake the test process starts (the demo's, inside the CLI, included) gets the contract
// observer around its own intercept, if any: the fake itself keeps no test hooks.
vi.mock('#devin/fake/fake-devin-api.js', async (importOriginal) => {
  const original = await importOriginal<typeof FakeModule>();
  const { observedIntercept } = await import('../support/fake-devin-api/exchange-observers.js');
  const { contractObserver } = await import('./contract-observer.js');
  return {
    ...original,
    startFakeDevinApi: (options: FakeModule.FakeDevinApiOptions) =>
      original.startFakeDevinApi({
        ...options,
        intercept: observedIntercept(contractObserver, options.intercept),
      }),
  };
});

afterEach(() => {
  const found = [...new Set(contractState.violations)];
  contractState.violations.length = 0;
  contractState.offContractAnswersAllowed = false;
  expect(found, 'requests or answers that break the vendor contract').toEqual([]);
});
