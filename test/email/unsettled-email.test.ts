import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import type { RunStatus } from '#core/report/run-status.js';
import { ALL_SETTLED, type Unsettled } from '#core/report/unsettled.js';
import { renderChargebackEmail } from '#email/render-chargeback-email.js';
import { octoberReport, octoberRun, s3Delivery } from './fixtures.js';

const UNSETTLED: Unsettled = { sessions: 3, acus: acusFromNumber(40), costMinor: 9000n };

function render(unsettled = UNSETTLED, run = octoberRun(), runStatus?: RunStatus) {
  return renderChargebackEmail({
    report: { ...octoberReport(), unsettled, ...(runStatus && { runStatus }) },
    run,
    delivery: s3Delivery(),
  });
}

describe('unsettled sessions in the email', () => {
  it('says so in the inbox preview and a notice, with the count, ACUs and cost at stake', () => {
    const { subject, html, text } = render();
    const sentence =
      'Unsettled: 3 sessions had not ended when this report was built (40.00 ACUs, USD 90.00 as of this run); their figures can still grow.';
    expect(subject).toMatch(/^Devin ACU chargeback — October 2026/);
    expect(html).toContain(
      `<div style="display:none;max-height:0;overflow:hidden;">${sentence} USD 27,777.60 for 12,345.60 ACUs`,
    );
    expect(text).toContain(`NOTE: ${sentence}`);
  });

  it('says nothing of it when every session has ended', () => {
    const { subject, html } = render(ALL_SETTLED);
    expect(subject).not.toMatch(/Unsettled|Preliminary/);
    expect(html).not.toMatch(/Unsettled|Preliminary/);
  });
});

describe('a preliminary run in the email', () => {
  it('says Preliminary in the subject, the preview and a notice', () => {
    const { subject, html, text } = render(ALL_SETTLED, octoberRun(), 'preliminary');
    expect(subject).toMatch(/^\[Preliminary\] Devin ACU chargeback — October 2026: /);
    expect(html).toContain(
      '<div style="display:none;max-height:0;overflow:hidden;">Preliminary. USD 27,777.60 for 12,345.60 ACUs',
    );
    expect(text).toMatch(/NOTE: Preliminary: this report does not close the period/);
  });

  it('says nothing of it when the run closes the period', () => {
    const { subject, html } = render(ALL_SETTLED, octoberRun(), 'closed');
    expect(subject).toMatch(/^Devin ACU chargeback — October 2026: /);
    expect(html).not.toContain('Preliminary');
  });
});

describe('the email footer', () => {
  it('repeats a notice about the Devin key, and says nothing when there is none', () => {
    const notice =
      'The Devin key expires on 2026-11-15 (in 13 days): generate a new key for the service user and update the secret before then.';
    const warned = render(ALL_SETTLED, octoberRun({ notices: [notice] }));
    expect(warned.text).toContain(notice);
    expect(warned.html).toContain('The Devin key expires on 2026-11-15');
    expect(render(ALL_SETTLED).text).not.toContain('Devin key');
  });

  it('names a real API host, but not a loopback one', () => {
    expect(render(ALL_SETTLED).text).toMatch(/ from api\.devin\.ai$/m);
    const local = render(ALL_SETTLED, octoberRun({ apiHost: '127.0.0.1:39673' })).text;
    expect(local).not.toContain('127.0.0.1');
    expect(render(ALL_SETTLED, octoberRun({ source: 'demo', apiHost: 'localhost:8080' })).text).toMatch(
      / from the built-in demo data$/m,
    );
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
