import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '../../functions/core/money/acus.js';
import { NOT_PROVISIONAL, type Provisional } from '../../functions/core/report/provisional.js';
import { renderChargebackEmail } from '../../functions/email/render-chargeback-email.js';
import { octoberReport, octoberRun, s3Delivery } from './fixtures.js';

const PROVISIONAL: Provisional = {
  provisional: true,
  sessions: 3,
  running: 2,
  carriedOut: 1,
  acus: acusFromNumber(40),
  costMinor: 9000n,
};

function render(provisional = PROVISIONAL, run = octoberRun()) {
  return renderChargebackEmail({ report: { ...octoberReport(), provisional }, run, delivery: s3Delivery() });
}

describe('a provisional month in the email', () => {
  it('says so in the subject, the inbox preview and a notice, with the count, ACUs and cost at stake', () => {
    const { subject, html, text } = render();
    const sentence =
      'Provisional: 3 sessions are still running or kept using ACUs after the period ended (40.00 ACUs, USD 90.00 as of this run). These figures can still grow.';
    expect(subject).toMatch(/^\[Provisional\] Devin ACU chargeback — October 2026/);
    expect(html).toContain(
      `<div style="display:none;max-height:0;overflow:hidden;">${sentence} 12,345.60 ACUs`,
    );
    expect(text).toContain(`NOTE: ${sentence}`);
  });

  it('says nothing of it when the figures are final', () => {
    const { subject, html } = render(NOT_PROVISIONAL);
    expect(subject).not.toContain('Provisional');
    expect(html).not.toContain('Provisional');
  });
});

describe('the email footer', () => {
  it('names a real API host, but not a loopback one', () => {
    expect(render(NOT_PROVISIONAL).text).toMatch(/ from api\.devin\.ai$/m);
    const local = render(NOT_PROVISIONAL, octoberRun({ apiHost: '127.0.0.1:39673' })).text;
    expect(local).not.toContain('127.0.0.1');
    expect(render(NOT_PROVISIONAL, octoberRun({ source: 'demo', apiHost: 'localhost:8080' })).text).toMatch(
      / from the built-in demo data$/m,
    );
  });

  it('repeats a notice about the Devin key, and says nothing when there is none', () => {
    const notice =
      'The Devin key expires on 2026-11-15 (in 13 days): generate a new key for the service user and update the secret before then.';
    const warned = render(NOT_PROVISIONAL, octoberRun({ notices: [notice] }));
    expect(warned.text).toContain(notice);
    expect(warned.html).toContain('The Devin key expires on 2026-11-15');
    expect(render(NOT_PROVISIONAL).text).not.toContain('Devin key');
  });

  it('says "1 session across 1 org" in the singular', () => {
    const report = octoberReport();
    const [first] = report.orgs;
    if (first === undefined) throw new Error('no org');
    const { html } = renderChargebackEmail({
      report: { ...report, totals: { ...report.totals, sessions: 1 }, orgs: [first] },
      run: octoberRun(),
      delivery: s3Delivery(),
    });
    expect(html).toContain('1 session across 1 org.');
  });
});
