import { afterEach, describe, expect, it } from 'vitest';
import { DevinPagingError } from '#devin/client/devin-paging-error.js';
import type { FaultPlan } from '../../support/fake-devin-api/faults.js';
import { datasetOf, FEBRUARY, februarySessions, type Harness, startHarness } from './fake-api-harness.js';
import { startV3Harness, type V3Harness } from './v3/v3-harness.js';

let harness: Harness | V3Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

/** Every sessions page after the first is page one again, under a cursor that always moves on. */
const stuckOnPageOne: FaultPlan = {
  script: [{ fault: { kind: 'repeat-page' }, times: Number.POSITIVE_INFINITY }],
};

// Issue 27, finding 9: such a listing ran until memory ran out (977 MB after 150 s).
describe('a sessions listing served page one forever under fresh cursors', () => {
  it('v2 fails at the second page with a DevinPagingError naming the endpoint, skip and page', async () => {
    harness = await startHarness(datasetOf(februarySessions(450)), { faults: stuckOnPageOne });
    const failure = await harness.client.fetchSessions(FEBRUARY).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DevinPagingError);
    expect(failure).toMatchObject({
      path: '/v2/enterprise/sessions',
      skip: 200,
      page: 2,
      cursor: 'skip=200',
    });
    expect(String(failure)).toContain('page 2 repeats page 1');
    expect(harness.api.requests.length).toBeLessThanOrEqual(3);
  });

  it('v3 fails at the page after the probe, naming the endpoint, cursor and page', async () => {
    const v3 = await startV3Harness(datasetOf(februarySessions(450)), { faults: stuckOnPageOne });
    harness = v3;
    const failure = await v3.client.fetchSessions(FEBRUARY).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DevinPagingError);
    expect(failure).toMatchObject({ path: '/v3/enterprise/sessions', page: 2 });
    expect((failure as DevinPagingError).cursor).toMatch(/^after="/);
    expect(String(failure)).toContain('page 2 repeats page 1');
    expect(v3.api.requests.length).toBeLessThan(20);
  });

  it('the fake really serves page one again with a cursor that moves on', async () => {
    const v3 = await startV3Harness(datasetOf(februarySessions(450)), { faults: stuckOnPageOne });
    harness = v3;
    const page = async (after: string | null) => {
      const query = after === null ? '' : `?after=${after}`;
      const res = await fetch(`${v3.api.url}/v3/enterprise/sessions${query}`, {
        headers: { authorization: 'Bearer cog_SECRET-5e7b1ce5-d00d' },
      });
      return (await res.json()) as {
        items: { session_id: string }[];
        end_cursor: string;
        has_next_page: boolean;
      };
    };
    const one = await page(null);
    const two = await page(one.end_cursor);
    expect(two.items.map((s) => s.session_id)).toEqual(one.items.map((s) => s.session_id));
    expect(two.end_cursor).not.toBe(one.end_cursor);
    expect(two.has_next_page).toBe(true);
  });
});
