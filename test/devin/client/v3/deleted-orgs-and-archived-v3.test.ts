import { afterEach, describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { isStillRunning } from '#core/report/session-status.js';
import { isSettled, RUNNING_FINISHED } from '#core/report/settled.js';
import { listed } from '../../../support/listed.js';
import { datasetOf, FEBRUARY, wireSession } from '../fake-api-harness.js';
import { startV3Harness, type V3Harness } from './v3-harness.js';

let harness: V3Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

/** Four billed February sessions: one of a deleted org, one archived, one both. */
function dataset() {
  return {
    ...datasetOf([
      wireSession(1, '2025-02-03T10:00:00Z', { acus_consumed: 1 }),
      wireSession(2, '2025-02-04T10:00:00Z', { acus_consumed: 2, org_id: 'org_gone' }),
      wireSession(3, '2025-02-05T10:00:00Z', { acus_consumed: 4 }),
      wireSession(4, '2025-02-06T10:00:00Z', { acus_consumed: 8, org_id: 'org_gone' }),
    ]),
    deletedOrgIds: ['org_gone'],
    archivedSessionIds: ['devin-000003', 'devin-000004'],
  };
}

describe('no billed session silently out of the v3 listing', () => {
  it('the fake, as the SDK types it, leaves deleted orgs out by default and filters on is_archived only when sent', async () => {
    harness = await startV3Harness(dataset());
    const list = async (query: string) => {
      const res = await fetch(`${harness?.api.url}/v3/enterprise/sessions?${query}`, {
        headers: { authorization: 'Bearer cog_SECRET-5e7b1ce5-d00d' },
      });
      const body = (await res.json()) as { items: { session_id: string; is_archived: boolean }[] };
      return body.items.map((s) => s.session_id);
    };
    expect(await list('')).toEqual(['devin-000001', 'devin-000003']);
    expect(await list('include_deleted_orgs=true')).toHaveLength(4);
    expect(await list('include_deleted_orgs=true&is_archived=false')).toEqual([
      'devin-000001',
      'devin-000002',
    ]);
    expect(await list('include_deleted_orgs=true&is_archived=true')).toEqual([
      'devin-000003',
      'devin-000004',
    ]);
  });

  it('the client asks for deleted orgs, never filters on is_archived, and keeps every billed ACU', async () => {
    harness = await startV3Harness(dataset());
    const { sessions } = listed(await harness.client.fetchSessions(FEBRUARY));
    expect(sessions.map((s) => s.sessionId)).toEqual([
      'devin-000001',
      'devin-000002',
      'devin-000003',
      'devin-000004',
    ]);
    expect(sessions.reduce((sum, s) => sum + s.acus, 0n)).toBe(acusFromNumber(15));
    for (const r of harness.api.requests.filter((q) => q.path === '/v3/enterprise/sessions')) {
      expect(r.query.include_deleted_orgs).toEqual(['true']);
      expect(r.query.is_archived).toBeUndefined();
    }
  });
});

describe('status_detail in the settled rule', () => {
  it('counts a running session whose detail says finished as settled, and no other running one', async () => {
    harness = await startV3Harness({
      ...datasetOf([
        wireSession(1, '2025-02-03T10:00:00Z', { status: 'running' }),
        wireSession(2, '2025-02-04T10:00:00Z', { status: 'running' }),
        wireSession(3, '2025-02-05T10:00:00Z', { status: 'running' }),
      ]),
      statusDetails: { 'devin-000001': 'finished', 'devin-000002': 'waiting_for_user' },
    });
    const { sessions } = listed(await harness.client.fetchSessions(FEBRUARY));
    expect(sessions.map((s) => [s.status, isSettled(s.status), isStillRunning(s.status)])).toEqual([
      [RUNNING_FINISHED, true, false],
      ['running', false, true],
      ['running', false, true],
    ]);
  });
});
