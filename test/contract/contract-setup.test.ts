/**
 * contract-setup.ts wraps every fake the process starts, the plain one the demo uses included
 * (it has no hooks of its own): a client request off the contract, sent to it, is noted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { USER_AGENT } from '#devin/client/get-json.js';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { AUTH, datasetOf, KEY, minuteSessions } from '../devin/fake/wire-fixtures.js';
import { contractState } from './contract-violations.js';

let api: FakeDevinApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('the contract observer', () => {
  it("sees the plain fake's exchanges, though the fake has no observer of its own", async () => {
    api = await startFakeDevinApi({ apiKey: KEY, data: datasetOf(minuteSessions(2)) });
    const headers = { ...AUTH, 'user-agent': USER_AGENT };
    const answered = await fetch(`${api.url}/v2/enterprise/sessions?order=asc`, { headers });
    expect(answered.status).toBe(200);
    const noted = contractState.violations.splice(0);
    expect(noted).toEqual([expect.stringMatching(/order is not in the contract/)]);
  });
});
