import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import { withCostCentres } from '#pipeline/cost-centre-setup.js';
import { runShowback, type ShowbackDelivery } from '#showback/run-showback.js';
import { costCentreMap } from '../core/cost-centres/map-fixture.js';
import { session } from '../core/report/session-fixture.js';
import { OCTOBER_2026_UTC, USD_2_25 } from '../support/report-periods.js';

const SESSIONS = [
  session({ sessionId: 'a', orgId: 'org-a', acus: 1 }),
  session({ sessionId: 'b', orgId: 'org-b', acus: 2 }),
  session({ sessionId: 'c', orgId: 'org-c', acus: 3 }),
];
const REPORT = withCostCentres(
  buildChargebackReport({
    period: OCTOBER_2026_UTC,
    pricing: USD_2_25,
    sessions: SESSIONS,
    directory: EMPTY_DIRECTORY,
  }),
  SESSIONS,
  {
    map: costCentreMap(
      'org-a,,CC-A,A,6100,a@example.com,',
      'org-b,,CC-B,B,6200,b@example.com,',
      'org-c,,CC-C,C,6300,c@example.com,',
    ),
    creditAccounts: parseCreditAccounts('2100', 'x'),
  },
  undefined,
);
const INPUT = {
  report: REPORT,
  sessions: SESSIONS,
  run: {
    runId: 'run-1',
    generatedAt: new Date('2026-11-01T06:00:00Z'),
    generator: 'test',
    apiHost: 'api.example',
    source: 'api' as const,
    filters: { orgIds: [], userIds: [], tags: [] },
  },
  stats: {
    pages: 1,
    reportedTotal: 3,
    itemsReceived: 3,
    duplicatesDropped: 0,
    outsidePeriodDropped: 0,
    nullAcus: 0,
    reread: false,
  },
};
const LOG = { info() {}, warn() {} };

/** The port's bookkeeping in memory: which owners were claimed, sent, recorded and released. */
function recordingDelivery(faults: { send?: string; complete?: string; sent?: string }) {
  const events: string[] = [];
  const delivery: ShowbackDelivery = {
    begin: async ({ email }) => {
      events.push(`begin ${email}`);
      return email === faults.sent ? { kind: 'sent' } : { kind: 'go' };
    },
    store: async (_owner, workbook) => ({ workbookFileName: workbook.fileName, attached: false }),
    send: async ({ email }) => {
      if (email === faults.send) throw new Error('SES said no');
      events.push(`send ${email}`);
      return { messageId: `m-${email}` };
    },
    complete: async ({ email }) => {
      if (email === faults.complete) throw new Error('S3 said no');
      events.push(`complete ${email}`);
    },
    abandon: async ({ email }) => {
      events.push(`abandon ${email}`);
    },
  };
  return { delivery, events };
}

describe('runShowback', () => {
  let workDir: string;
  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'showback-'));
  });
  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('serves the other owners when one fails, releasing only the one that was not sent', async () => {
    const { delivery, events } = recordingDelivery({ send: 'b@example.com', sent: 'c@example.com' });
    const outcome = await runShowback(INPUT, { delivery, workDir, log: LOG });
    expect(outcome.sent.map((s) => s.owner)).toEqual(['a@example.com']);
    expect(outcome.alreadySent).toEqual(['c@example.com']);
    expect(outcome.failed).toEqual([{ owner: 'b@example.com', error: 'SES said no' }]);
    expect(events).toEqual([
      'begin c@example.com',
      'begin b@example.com',
      'abandon b@example.com',
      'begin a@example.com',
      'send a@example.com',
      'complete a@example.com',
    ]);
  });

  it('keeps the claim of an email that left but could not be recorded, so no retry sends it twice', async () => {
    const { delivery, events } = recordingDelivery({ complete: 'a@example.com' });
    const outcome = await runShowback(INPUT, { delivery, workDir, log: LOG });
    expect(outcome.failed).toEqual([
      { owner: 'a@example.com', error: 'sent as m-a@example.com, but S3 said no' },
    ]);
    expect(events).not.toContain('abandon a@example.com');
    expect(outcome.sent.map((s) => s.owner)).toEqual(['c@example.com', 'b@example.com']);
  });
});

describe('runShowback with a cap on session rows', () => {
  it('caps each slice workbook as the run was capped, naming where all sessions are', async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'showback-cap-'));
    try {
      const sessions = [
        session({ sessionId: 'a1', orgId: 'org-a', acus: 1 }),
        session({ sessionId: 'a2', orgId: 'org-a', acus: 2 }),
      ];
      const report = withCostCentres(
        buildChargebackReport({
          period: OCTOBER_2026_UTC,
          pricing: USD_2_25,
          sessions,
          directory: EMPTY_DIRECTORY,
        }),
        sessions,
        {
          map: costCentreMap('org-a,,CC-A,A,6100,a@example.com,'),
          creditAccounts: parseCreditAccounts('2100', 'x'),
        },
        undefined,
      );
      const archives = { focusDataset: 'focus.parquet', sessionsExport: 'sessions.json.gz' };
      const seen: { firstRows: unknown[]; notice: unknown }[] = [];
      const { delivery } = recordingDelivery({});
      const outcome = await runShowback(
        { ...INPUT, report, sessions, maxSessionRows: 1, sessionArchives: archives },
        {
          delivery: {
            ...delivery,
            store: async (owner, workbook) => {
              const read = await new ExcelJS.Workbook().xlsx.readFile(workbook.path);
              const rows = read.getWorksheet('Sessions');
              seen.push({
                firstRows: [3, 4, 5].map((row) => rows?.getCell(row, 1).value ?? null),
                notice: read.getWorksheet('Summary')?.getCell('A2').value,
              });
              return delivery.store(owner, workbook);
            },
          },
          workDir,
          log: LOG,
        },
      );
      expect(outcome.sent).toHaveLength(1);
      expect(seen).toEqual([
        {
          firstRows: ['a1', null, 'Total (rows shown)'],
          notice: expect.stringContaining(
            'The workbook lists the first 1 of 2 sessions (a limit of 1 session row, under Excel',
          ),
        },
      ]);
      expect(String(seen[0]?.notice)).toContain(
        '(focus.parquet) and the raw sessions export (sessions.json.gz)',
      );
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
