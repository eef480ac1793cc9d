import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import type { FaultPlan } from '../../support/fake-devin-api/faults.js';
import { datasetOf, FEBRUARY, type Harness, rejectionOf, startHarness } from './fake-api-harness.js';

const MEMBERS = '/v2/enterprise/members';
const ORGANIZATIONS = '/v2/enterprise/organizations';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

/** 30 orgs of 10 users: 300 members, two pages. */
async function start(faults?: FaultPlan) {
  const data = generateDataset({ seed: 3, sessions: 0, ...FEBRUARY, orgs: 30, usersPerOrg: 10 });
  harness = await startHarness(data, faults ? { faults } : {});
  return { ...harness, data };
}

describe('listMembers', () => {
  it('reads every member across pages', async () => {
    const { client, data, api } = await start();
    const listing = await client.listMembers();
    expect(listing.kind).toBe('ok');
    if (listing.kind !== 'ok') return;
    expect(listing.items).toHaveLength(300);
    const first = data.members[0];
    expect(listing.items[0]).toEqual({
      userId: first?.user_id,
      email: first?.email,
      name: first?.name,
      role: first?.enterprise_role,
    });
    expect(api.requests.map((r) => r.query.skip?.[0])).toEqual(['0', '200']);
    expect(api.requests.every((r) => r.path === MEMBERS && r.query.limit?.[0] === '200')).toBe(true);
  });

  it.each([403, 404])('is unavailable, not an error, on HTTP %i', async (status) => {
    const { client } = await start({ script: [{ fault: { kind: 'status', status }, path: MEMBERS }] });
    const listing = await client.listMembers();
    expect(listing).toMatchObject({ kind: 'unavailable', status });
    if (listing.kind === 'unavailable') expect(listing.reason).toContain(`HTTP ${status}`);
  });

  it('fails on a server error that outlasts the retries', async () => {
    const { client } = await start({
      script: [{ fault: { kind: 'status', status: 500 }, path: MEMBERS, times: Infinity }],
    });
    expect(await rejectionOf(client.listMembers())).toMatchObject({
      name: 'DevinApiError',
      status: 500,
      attempt: 5,
    });
  });

  it('fails on a wrong key: that is not something a caller should live with', async () => {
    harness = await startHarness(datasetOf([]), { client: { apiKey: 'apk_user_wrong' } });
    expect(await rejectionOf(harness.client.listMembers())).toMatchObject({ status: 401 });
  });

  it('names the member whose data drifted', async () => {
    const body = JSON.stringify({
      items: [{ user_id: 'user_x', email: 42 }],
      total: 1,
      skip: 0,
      limit: 200,
      has_more: false,
    });
    const { client } = await start({
      script: [{ fault: { kind: 'status', status: 200, body }, path: MEMBERS }],
    });
    expect(await rejectionOf(client.listMembers())).toMatchObject({
      name: 'DevinDataError',
      recordId: 'user_x',
      field: 'email',
    });
  });
});

describe('listOrganizations', () => {
  it('reads every organization with its name', async () => {
    const { client, data } = await start();
    const listing = await client.listOrganizations();
    expect(listing).toEqual({
      kind: 'ok',
      items: data.organizations.map((org) => ({ orgId: org.org_id, name: org.org_name })),
    });
  });

  it.each([403, 404])('is unavailable on HTTP %i', async (status) => {
    const { client } = await start({ script: [{ fault: { kind: 'status', status }, path: ORGANIZATIONS }] });
    expect(await client.listOrganizations()).toMatchObject({ kind: 'unavailable', status });
  });

  it('retries a rate limit like any other request', async () => {
    const { client, sleeps } = await start({
      script: [{ fault: { kind: 'status', status: 429, retryAfter: '2' }, path: ORGANIZATIONS }],
    });
    expect((await client.listOrganizations()).kind).toBe('ok');
    expect(sleeps).toEqual([2_000]);
  });
});
