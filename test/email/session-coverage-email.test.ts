import { describe, expect, it } from 'vitest';
import { workbookSessionCoverage } from '#core/report/session-row-limit.js';
import { renderChargebackEmail } from '#email/render-chargeback-email.js';
import { octoberReport, octoberRun, s3Delivery } from './fixtures.js';

const ARCHIVES = {
  focusDataset: 's3://acme-reports/reports/focus/billing_period=2026-10/devin-focus-2026-10.parquet',
  sessionsExport: 's3://acme-reports/reports/monthly/2026/devin-acu-chargeback-2026-10.sessions.json.gz',
};

function email(sessions: number, maxSessionRows: number) {
  return renderChargebackEmail({
    report: octoberReport(),
    run: octoberRun(),
    delivery: s3Delivery(),
    sessions: { coverage: workbookSessionCoverage(sessions, maxSessionRows), archives: ARCHIVES },
  });
}

/** The HTML without its tags and entities, as a reader sees the words. */
function words(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('a workbook that lists only some sessions', () => {
  it('says how many in both bodies, and where every session is', () => {
    const { text, html } = email(1_100_000, 1_000_000);
    const said =
      "The workbook lists the first 1,000,000 of 1,100,000 sessions (a limit of 1,000,000 session rows, under Excel's 1,048,576 rows a sheet). Every total covers all 1,100,000, and all are in the period's FOCUS dataset, ";
    expect(text).toContain(
      `${said}${ARCHIVES.focusDataset}, and the raw sessions export, ${ARCHIVES.sessionsExport}.`,
    );
    expect(words(html)).toContain(said.trim());
    expect(html).toContain(ARCHIVES.focusDataset);
    expect(html).toContain(ARCHIVES.sessionsExport);
  });

  it('says nothing of it when every session is listed', () => {
    const { text, html } = email(1_734, 1_000_000);
    expect(text).not.toContain('The workbook lists');
    expect(html).not.toContain('The workbook lists');
    expect(text).not.toContain(ARCHIVES.focusDataset);
  });
});
