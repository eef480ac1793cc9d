import { afterEach, describe, expect, it } from 'vitest';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { DELETED_ORG_MARKER } from '#core/report/deleted-org-names.js';
import { toSummaryDocument } from '#core/report/summary-document.js';
import { readDirectory } from '#pipeline/read-directory.js';
import { orgDisplayName } from '#workbook/display-names.js';
import { datasetOf, FEBRUARY, wireSession } from '../../devin/client/fake-api-harness.js';
import { startV3Harness, type V3Harness } from '../../devin/client/v3/v3-harness.js';
import { USD_2_25 } from '../../support/report-periods.js';

let harness: V3Harness | undefined;
afterEach(async () => {
  await harness?.api.close();
  harness = undefined;
});

const PERIOD = monthPeriod('2025-02', 'UTC', new Date('2025-03-10T00:00:00Z'));

/** Two live-org sessions and two of an org deleted since, which v3 lists with include_deleted_orgs. */
const data = {
  ...datasetOf([
    wireSession(1, '2025-02-03T10:00:00Z', { acus_consumed: 1 }),
    wireSession(2, '2025-02-04T10:00:00Z', { acus_consumed: 2, org_id: 'org_gone' }),
    wireSession(3, '2025-02-05T10:00:00Z', { acus_consumed: 4 }),
    wireSession(4, '2025-02-06T10:00:00Z', { acus_consumed: 8, org_id: 'org_gone' }),
  ]),
  deletedOrgIds: ['org_gone'],
};

async function reportOf(previous?: Parameters<typeof buildChargebackReport>[0]['previous']) {
  harness ??= await startV3Harness(data);
  const [{ sessions }, directory] = await Promise.all([
    harness.client.fetchSessions(FEBRUARY),
    readDirectory(harness.client),
  ]);
  return buildChargebackReport({ period: PERIOD, pricing: USD_2_25, sessions, directory, previous });
}

// Issue 32, item 3: a deleted org's sessions are kept, and named, not shown as an unknown id.
describe('sessions of a deleted org', () => {
  it('are charged to the org under its id when no earlier report named it', async () => {
    const report = await reportOf();
    const gone = report.orgs.find((o) => o.orgId === 'org_gone');
    expect(gone?.orgName).toBeNull();
    expect(gone?.sessions).toBe(2);
    // What the workbook's org column shows for it: the id, marked as one.
    expect(orgDisplayName('org_gone', gone?.orgName ?? null)).toBe('org_gone (name unavailable)');
  });

  it('take the org’s last known name from the previous report', async () => {
    const earlier = await reportOf();
    const renamed = {
      ...earlier,
      orgs: earlier.orgs.map((o) => (o.orgId === 'org_gone' ? { ...o, orgName: 'Payments' } : o)),
    };
    const run = {
      runId: 'r',
      generatedAt: new Date(),
      generator: 'test',
      apiHost: 'fake',
      source: 'api',
      filters: { orgIds: [], userIds: [], tags: [] },
    } as const;
    const stats = {
      itemsReceived: 4,
      duplicatesDropped: 0,
      outsidePeriodDropped: 0,
      nullAcus: 0,
      reportedTotal: 4,
      pages: 1,
      reread: false,
    };
    const previous = toSummaryDocument(renamed, run as never, stats as never);
    const report = await reportOf(previous);
    expect(report.orgs.find((o) => o.orgId === 'org_gone')?.orgName).toBe('Payments (org no longer listed)');
    expect(orgDisplayName('org_gone', 'Payments (org no longer listed)')).toBe(
      'Payments (org no longer listed)',
    );
    expect(report.orgs.find((o) => o.orgId === 'org_1')?.orgName).not.toContain(DELETED_ORG_MARKER);

    // A name already marked is not marked twice the month after.
    const marked = toSummaryDocument(report, run as never, stats as never);
    const next = await reportOf(marked);
    expect(next.orgs.find((o) => o.orgId === 'org_gone')?.orgName).toBe(`Payments ${DELETED_ORG_MARKER}`);
  });

  it('keep no earlier name when the key may not read the org directory at all (their orgs are unnamed, not gone)', async () => {
    harness = await startV3Harness(data, {
      faults: {
        script: [
          { fault: { kind: 'status', status: 403 }, path: '/v3/enterprise/organizations', times: Infinity },
        ],
      },
    });
    const earlier = await reportOf();
    const named = { ...earlier, orgs: earlier.orgs.map((o) => ({ ...o, orgName: `Was ${o.orgId}` })) };
    const run = {
      runId: 'r',
      generatedAt: new Date(),
      generator: 'test',
      apiHost: 'fake',
      source: 'api',
      filters: { orgIds: [], userIds: [], tags: [] },
    } as const;
    const stats = {
      itemsReceived: 4,
      duplicatesDropped: 0,
      outsidePeriodDropped: 0,
      nullAcus: 0,
      reportedTotal: 4,
      pages: 1,
      reread: false,
    };
    const report = await reportOf(toSummaryDocument(named, run as never, stats as never));
    expect(report.orgs.every((o) => o.orgName === null)).toBe(true);
  });
});
