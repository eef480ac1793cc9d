import { describe, expect, it } from 'vitest';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import { renderChargebackEmail } from '#email/render-chargeback-email.js';
import { BILLING_CYCLE, COMPARISON, reconciledReport } from './billing-fixtures.js';
import { octoberReport, octoberRun, s3Delivery } from './fixtures.js';

function render(report: ChargebackReport) {
  return renderChargebackEmail({ report, run: octoberRun(), delivery: s3Delivery() });
}

/** The lines of the plain-text table under `heading`, up to the next blank line. */
function textTable(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading) + 2;
  return lines.slice(start, lines.indexOf('', start));
}

describe('the share of the bill', () => {
  it('is stated beside the totals in both bodies', () => {
    const { html, text } = render(reconciledReport());
    const sentence = 'Sessions account for 93.4% of the 13,217.00 ACUs billed for the period';

    expect(text).toMatch(new RegExp(`^Share of the bill\\s+${sentence}$`, 'm'));
    expect(html).toContain(sentence);
    // Right after the cost: the two figures are read together.
    expect(text.indexOf('Share of the bill')).toBeGreaterThan(text.indexOf('Cost  '));
  });

  it('says why it is unknown when the bill could not be read', () => {
    const { html, text } = render(
      reconciledReport({
        reconciliation: { available: false, reason: 'the API key may not read consumption (403)' },
      }),
    );
    expect(text).toMatch(/^Share of the bill\s+Unknown: the API key may not read consumption \(403\)$/m);
    expect(html).toContain('Unknown: the API key may not read consumption (403)');
  });
});

describe('month over month', () => {
  it('gives the total change against the previous period in money first, then in ACUs', () => {
    const { html, text } = render(reconciledReport());
    const money = '+USD 5,727.60 (+26.0%), from USD 22,050.00';
    const acus = '+2,545.60 ACUs (+26.0%), from 9,800.00 ACUs';
    expect(text).toMatch(/^Change vs September 2026\s+\+USD 5,727\.60 \(\+26\.0%\), from USD 22,050\.00$/m);
    expect(text).toMatch(/^Change in ACUs\s+\+2,545\.60 ACUs \(\+26\.0%\), from 9,800\.00 ACUs$/m);
    expect(html).toContain(money);
    expect(html).toContain(acus);
    expect(text.indexOf(money)).toBeLessThan(text.indexOf(acus));
  });

  it('shows the change in money and its % per org, marks the new org and keeps the vanished one', () => {
    const rows = textTable(render(reconciledReport()).text, 'By org');

    expect(rows[0]).toMatch(
      /^Org\s+Cost \(USD\)\s+Change \(USD\)\s+Change %\s+ACUs\s+Sessions\s+Share of cost$/,
    );
    expect(rows[3]).toMatch(/^Payments\s.*\snew\s/);
    expect(rows[6]).toMatch(
      /^Legacy <Ops> & "Co" \(no usage this period\)\s+0\.00\s+-[\d,.]+\s+-100\.0%\s+0\.00\s+0\s+–$/,
    );
    expect(rows.at(-1)).toMatch(
      /^Total\s+27,777\.60\s+\+5,727\.60\s+\+26\.0%\s+12,345\.60\s+1,734\s+100\.0%$/,
    );
  });

  it('names the orgs that moved the cost most, and their rows add up to the change', () => {
    const rows = textTable(render(reconciledReport()).text, 'What changed');
    expect(rows[0]).toMatch(
      /^Org\s+Change \(USD\)\s+Change %\s+Previous \(USD\)\s+Now \(USD\)\s+Change \(ACUs\)$/,
    );
    expect(rows.at(-1)).toMatch(/^Total\s+\+5,727\.60\s+\+26\.0%\s+22,050\.00\s+27,777\.60\s+\+2,545\.60$/);
    const changes = rows
      .slice(2, -2)
      .map((row) => /\s([+-]?[\d,]+\.\d\d)\s/.exec(row)?.[1] ?? 'missing')
      .map((text) => Math.round(Number(text.replaceAll(',', '')) * 100));
    expect(changes.reduce((sum, cents) => sum + cents, 0)).toBe(572_760);
  });

  it('keeps the marker of a vanished org whose long name is cut', () => {
    const long = 'A very long organisation name that goes on and on';
    const orgs = COMPARISON.orgs.map((c) => (c.status === 'vanished' ? { ...c, orgName: long } : c));
    const rows = textTable(render(reconciledReport({ comparison: { ...COMPARISON, orgs } })).text, 'By org');
    expect(rows[6]).toMatch(/^A very long organisation name that goes… \(no usage this period\)\s/);
  });

  it('escapes a vanished org name in the HTML', () => {
    const { html } = render(reconciledReport());
    expect(html).not.toContain('<Ops>');
    expect(html).toContain('Legacy &lt;Ops&gt; &amp; &quot;Co&quot; (no usage this period)');
  });

  it('says there is nothing to compare with on a first run, without the extra columns', () => {
    const reason = 'No report for September 2026 was found, so there is nothing to compare with';
    const { html, text } = render(reconciledReport({ comparison: { available: false, reason } }));

    expect(text).toMatch(new RegExp(`^Month over month\\s+${reason.replace(/[()?]/g, '\\$&')}$`, 'm'));
    expect(html).toContain(reason);
    expect(textTable(text, 'By org')[0]).not.toContain('Previous');
  });

  it('lists what makes the two periods not like for like', () => {
    const caveat = 'September 2026 was charged on session ACUs, this period on billed ACUs';
    const { text } = render(reconciledReport({ comparison: { ...COMPARISON, caveats: [caveat] } }));
    expect(text).toContain(`NOTE: Month over month: ${caveat}`);
  });
});

describe('the cost basis and the alignment', () => {
  it('names the billed basis and heads the charged ACUs as billed', () => {
    const { html, text } = render(reconciledReport({ costBasis: 'billed' }));

    expect(text).toMatch(/^Cost basis\s+Billed ACUs \(vendor consumption\), not session totals$/m);
    expect(text).toMatch(/^Billed ACUs\s+12,345\.60 at USD 2\.25 per ACU$/m);
    expect(textTable(text, 'By org')[0]).toMatch(/\sBilled ACUs\s/);
    expect(textTable(text, 'Top users by cost')[0]).toMatch(/\sBilled ACUs$/);
    expect(text).toContain(
      'Cost basis: billed ACUs, as the vendor counts them per billing day from 08:00 UTC',
    );
    expect(html).toContain('Billed ACUs (vendor consumption), not session totals');
  });

  it('does not mention a cost basis on the default session basis', () => {
    const { text } = render(octoberReport());
    expect(text).not.toMatch(/^Cost basis/m);
    expect(text).toContain('Attribution: sessions count in the period they were created in');
  });

  it('gives a billing period its label and its bounds in UTC', () => {
    const { subject, text } = render(reconciledReport({ period: BILLING_CYCLE }));
    expect(subject).toContain('Devin ACU chargeback — Billing cycle 5 Oct 2026 – 4 Nov 2026:');
    expect(text).toMatch(
      /^Period\s+Billing cycle 5 Oct 2026 – 4 Nov 2026: 5 Oct 2026 08:00 – 5 Nov 2026 08:00 UTC$/m,
    );
  });
});
