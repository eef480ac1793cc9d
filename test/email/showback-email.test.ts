import { describe, expect, it } from 'vitest';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { sliceReport } from '#core/cost-centres/slice-report.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { Directory } from '#core/report/directory.js';
import { buildShowbackContent } from '#email/build-showback-content.js';
import { renderChargebackEmail } from '#email/render-chargeback-email.js';
import { withCostCentres } from '#pipeline/cost-centre-setup.js';
import { showbackOwners } from '#showback/showback-owners.js';
import { costCentreMap } from '../core/cost-centres/map-fixture.js';
import { session } from '../core/report/session-fixture.js';
import { OCTOBER_2026_UTC, USD_2_25 } from '../support/report-periods.js';

const DIRECTORY: Directory = {
  orgNames: new Map([
    ['org-a', 'Alpha'],
    ['org-b', 'Beta'],
    ['org-z', 'Zeta Labs'],
  ]),
  users: new Map([
    ['u-1', { name: 'Ann One', email: 'ann@example.com' }],
    ['u-2', { name: 'Ben Two', email: 'ben@example.com' }],
  ]),
  sources: { orgs: { available: true }, users: { available: true } },
};
const SESSIONS = [
  session({ sessionId: 's1', orgId: 'org-a', userId: 'u-1', acus: 10 }),
  session({ sessionId: 's2', orgId: 'org-b', userId: 'u-2', acus: 5 }),
  session({ sessionId: 's3', orgId: 'org-z', userId: null, acus: 2 }),
];
const MAP = costCentreMap(
  'org-a,,CC-A,Alpha Team,6100,lead@example.com;cfo@example.com,',
  'org-b,,CC-B,Beta Team,6200,beta@example.com;cfo@example.com,',
);
const RUN = {
  runId: 'run-1',
  generatedAt: new Date('2026-11-01T06:00:00Z'),
  generator: 'devin-chargeback@test',
  apiHost: 'api.example',
  source: 'api' as const,
  filters: { orgIds: [], userIds: [], tags: [] },
};
const REPORT = withCostCentres(
  buildChargebackReport({
    period: OCTOBER_2026_UTC,
    pricing: USD_2_25,
    sessions: SESSIONS,
    directory: DIRECTORY,
  }),
  SESSIONS,
  { map: MAP, creditAccounts: parseCreditAccounts('2100', 'x') },
  undefined,
);

describe('showback owners and emails', () => {
  it('gives each owner one email covering all their cost centres', () => {
    const costCentres = REPORT.costCentres;
    if (costCentres === undefined) throw new Error('no cost centres');
    expect(showbackOwners(costCentres).map((o) => [o.email, o.costCentres.map((r) => r.code)])).toEqual([
      ['lead@example.com', ['CC-A']],
      ['cfo@example.com', ['CC-A', 'CC-B']],
      ['beta@example.com', ['CC-B']],
    ]);
  });

  it("says only the owner's figures, and links their slice", () => {
    const costCentres = REPORT.costCentres;
    if (costCentres === undefined) throw new Error('no cost centres');
    const owner = showbackOwners(costCentres)[2];
    if (owner === undefined) throw new Error('no owner');
    const slice = sliceReport(REPORT, SESSIONS, new Set(owner.costCentres.map((r) => r.code)));
    const content = buildShowbackContent({
      slice: slice.report,
      costCentres: owner.costCentres,
      run: RUN,
      delivery: {
        workbookFileName: 'devin-acu-chargeback-2026-10-CC-B.xlsx',
        link: { url: 'https://s3.example/slice?sig=1', expiresAt: new Date('2026-11-08T06:00:00Z') },
        attached: false,
      },
    });
    expect(content.subject).toBe('Devin usage — October 2026 — CC-B Beta Team: USD 11.25');
    expect(content.headline).toContainEqual({ label: 'Posted', value: 'USD 11.25' });
    expect(content.headline).toContainEqual({ label: 'Usage', value: 'USD 11.25' });
    expect(content.figures).toContainEqual({ label: 'Change', value: 'No previous period to compare with' });
    expect(content.download).toEqual({
      text: 'Download devin-acu-chargeback-2026-10-CC-B.xlsx',
      url: 'https://s3.example/slice?sig=1',
    });
    const text = JSON.stringify(content);
    for (const other of ['Alpha', 'Ann One', 'Zeta', 'org-a', 'org-z', 'CC-A'])
      expect(text).not.toContain(other);
  });
});

describe('an owner’s email states what the journal posts to them', () => {
  it('gives usage, true-ups and shared products, their total as the journal debits it, and the journal’s file', () => {
    const costCentres = REPORT.costCentres;
    if (costCentres === undefined) throw new Error('no cost centres');
    const owner = showbackOwners(costCentres)[2];
    if (owner === undefined) throw new Error('no owner');
    // CC-B with a true-up of an earlier period and its share of the shared products.
    const rows = owner.costCentres.map((row) => ({
      ...row,
      trueUpMinor: 132n,
      sharedMinor: 56n,
      postedMinor: row.costMinor + 188n,
    }));
    const slice = sliceReport(REPORT, SESSIONS, new Set(rows.map((r) => r.code)));
    const content = buildShowbackContent({
      slice: slice.report,
      costCentres: rows,
      run: RUN,
      delivery: { workbookFileName: 'x.xlsx', attached: false },
      journal: {
        fileName: 'devin-acu-chargeback-2026-10.journal.csv',
        journalId: 'devin-chargeback-2026-10-run-1',
      },
    });
    expect(content.subject).toBe('Devin usage — October 2026 — CC-B Beta Team: USD 13.13');
    expect(content.headline.slice(0, 2)).toEqual([
      { label: 'Posted', value: 'USD 13.13' },
      { label: 'Usage', value: 'USD 11.25' },
    ]);
    expect(content.figures).toContainEqual({
      label: 'Posted',
      value: 'usage USD 11.25 + true-ups USD 1.32 + shared products USD 0.56 = USD 13.13',
    });
    expect(content.figures).toContainEqual({
      label: 'Journal',
      value:
        'devin-acu-chargeback-2026-10.journal.csv (journal devin-chargeback-2026-10-run-1) debits USD 13.13 to you',
    });
  });
});

describe("finance's email with a cost-centre map", () => {
  it('lists the Unmapped orgs with their cost and says the journal balances', () => {
    const email = renderChargebackEmail({
      report: REPORT,
      run: RUN,
      delivery: { workbookFileName: 'x.xlsx', attached: false },
    });
    expect(email.text).toContain(
      "Unmapped: Zeta Labs (USD 4.50, 1 sessions) is not in the cost-centre map. Its cost is on the journal's Unmapped line",
    );
    // Unmapped usage has no account: the journal is a draft until the org is mapped.
    expect(email.text).toMatch(/Journal \(DRAFT\)\s+6 lines; debits USD 38\.25 = credits USD 38\.25/);
    expect(email.text).toMatch(
      /Posted\s+usage USD 38\.25 \+ true-ups USD 0\.00 \+ shared products USD 0\.00 = USD 38\.25/,
    );
    // Named first, before anything else the email has to say.
    expect(email.text.indexOf('Unmapped: Zeta Labs')).toBeLessThan(email.text.indexOf('Period'));
    expect(email.html).toContain('Zeta Labs (USD 4.50, 1 sessions)');
  });
});
