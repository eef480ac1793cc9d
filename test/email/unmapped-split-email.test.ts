import { describe, expect, it } from 'vitest';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { Directory } from '#core/report/directory.js';
import type { Session } from '#core/session.js';
import { costCentreNotices } from '#email/cost-centre-email.js';
import { withCostCentres } from '#pipeline/cost-centre-setup.js';
import { costCentreMap } from '../core/cost-centres/map-fixture.js';
import { session } from '../core/report/session-fixture.js';
import { OCTOBER_2026_UTC, USD_2_25 } from '../support/report-periods.js';

const DIRECTORY: Directory = {
  orgNames: new Map([
    ['org-pay', 'Payments'],
    ['org-tools', 'Tools'],
  ]),
  users: new Map(),
  sources: { orgs: { available: true }, users: { available: true } },
};

// Tools is not in the map, but one of its sessions carries a tag a rule charges to CC-SEC.
const SESSIONS: Session[] = [
  session({ sessionId: 'sess-pay-1', orgId: 'org-pay', userId: null, acus: 2 }),
  session({ sessionId: 'sess-tools-1', orgId: 'org-tools', userId: null, acus: 1 }),
  session({ sessionId: 'sess-tools-2', orgId: 'org-tools', userId: null, acus: 4, tags: ['sec'] }),
];

function report() {
  const built = buildChargebackReport({
    period: OCTOBER_2026_UTC,
    pricing: USD_2_25,
    sessions: SESSIONS,
    directory: DIRECTORY,
  });
  return withCostCentres(
    built,
    SESSIONS,
    {
      map: costCentreMap(
        'org-pay,,CC-PAY,Payments Eng,6110,pay@example.com,US01',
        ',sec,CC-SEC,Security,6190,sec@example.com,US01',
      ),
      creditAccounts: parseCreditAccounts('2100', 'x'),
    },
    undefined,
  );
}

describe("the Unmapped notice beside the org table's figures", () => {
  it('says the draft journal and, in words, how many of the org’s sessions a tag rule charged elsewhere', () => {
    const [notice] = costCentreNotices(report());
    expect(notice).toMatch(/^Unmapped: Tools \(USD 2\.25, 1 sessions\) is not in the cost-centre map\./);
    expect(notice).toContain('so the journal is a DRAFT (…journal.DRAFT.csv)');
    expect(notice).toContain(
      " 1 of Tools' 2 sessions are unmapped; tag rules charged 1 (USD 9.00) to CC-SEC.",
    );
  });
});
