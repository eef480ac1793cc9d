import { describe, expect, it } from 'vitest';
import { renderChargebackEmail } from '#email/render-chargeback-email.js';
import {
  emptyReport,
  fileDelivery,
  hostileReport,
  octoberReport,
  octoberRun,
  PRESIGNED_URL,
  s3Delivery,
} from './fixtures.js';

function october(delivery = s3Delivery()) {
  return renderChargebackEmail({ report: octoberReport(), run: octoberRun(), delivery });
}

/** The lines of the plain-text table under `heading`, up to the next blank line. */
function textTable(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading) + 2;
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

describe('subject', () => {
  it('names the period and the totals, with an em dash', () => {
    expect(october().subject).toBe('Devin ACU chargeback — October 2026: USD 27,777.60 (12,345.60 ACUs)');
  });

  it('marks demo data and filtered reports so they are not taken for the monthly charge', () => {
    const email = renderChargebackEmail({
      report: octoberReport(),
      run: octoberRun({ source: 'demo', filters: { orgIds: ['org_data'], userIds: [], tags: [] } }),
      delivery: s3Delivery(),
    });
    expect(email.subject).toBe(
      '[Demo] [Filtered] Devin ACU chargeback — October 2026: USD 27,777.60 (12,345.60 ACUs)',
    );
    expect(email.text).toContain('Filtered report: only sessions matching org IDs org_data.');
    expect(email.html).toContain('Demo data');
  });
});

describe('facts in both bodies', () => {
  const { html, text } = october();

  it.each([
    ['sessions', '1,734'],
    ['ACUs', '12,345.60'],
    ['cost', 'USD 27,777.60'],
    ['unit price', 'USD 2.25 per ACU'],
    ['period', 'October 2026 (1 Oct 2026 – 31 Oct 2026, UTC)'],
    ['an org cost', '12,222.18'],
    ['the currency of the cost columns', 'Cost (USD)'],
    ['an org share', '21.9%'],
    ['a top user', 'Fay Nakamura-Oyelaran'],
    ['an org without a name, by ID', 'org_7f3a9c'],
    ['the attribution rule', 'sessions count in the period they were created in'],
    ['the run id', 'run-2026-11-01T06-00-00Z-4f2a'],
    ['the generator', 'devin-chargeback@0.1.0'],
  ])('%s', (_, fact) => {
    expect(text).toContain(fact);
    expect(html).toContain(fact.replaceAll('&', '&amp;'));
  });

  it('ends the org table with a total row', () => {
    const rows = textTable(text, 'By org');
    expect(rows.at(-1)).toMatch(/^Total\s+27,777\.60\s+12,345\.60\s+1,734\s+100\.0%$/);
    expect(html).toMatch(/>Total(<div class="cb-phone"[^>]*>[^<]*<\/div>)?<\/td>/);
  });

  it('lists at most ten top users', () => {
    const tooMany = octoberReport();
    const eleven = Array.from({ length: 11 }, () => tooMany.topUsers[0]).filter((u) => u !== undefined);
    const email = renderChargebackEmail({
      report: { ...tooMany, topUsers: eleven },
      run: octoberRun(),
      delivery: s3Delivery(),
    });
    expect(textTable(email.text, 'Top users by cost')).toHaveLength(2 + 10);
  });
});

describe('plain text', () => {
  it('right-aligns every number column of the org table', () => {
    const rows = textTable(october().text, 'By org').filter((line) => !/^-+$/.test(line));
    const ends = (pattern: RegExp) =>
      rows.map((line) => [...line.matchAll(pattern)].map((m) => m.index + m[0].length));
    // Each data line has the same width, so its share column ends at the same place...
    expect(new Set(rows.map((line) => line.length)).size).toBe(1);
    // ...and so does its ACU figure (the second number group).
    const acuEnds = ends(/\d[\d,]*\.\d\d(?!%)/g).map((positions) => positions[0]);
    expect(new Set(acuEnds.slice(1)).size).toBe(1);
  });

  it('keeps a name with a line break on one table row', () => {
    const report = octoberReport();
    const [first, ...rest] = report.orgs;
    if (!first) throw new Error('fixture has orgs');
    const email = renderChargebackEmail({
      report: { ...report, orgs: [{ ...first, orgName: 'Platform\r\nBcc: x' }, ...rest] },
      run: octoberRun(),
      delivery: s3Delivery(),
    });
    expect(textTable(email.text, 'By org')[2]).toMatch(/^Platform Bcc: x\s+12,222\.18\s/);
  });
});

describe('HTML escaping', () => {
  const { html, text } = renderChargebackEmail({
    report: hostileReport(),
    run: octoberRun({ filters: { orgIds: [], userIds: [], tags: ['<b>bold</b>'] } }),
    delivery: s3Delivery(),
  });

  it('shows hostile org and user names as text', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;pwn&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Sons&quot;');
    expect(html).toContain('o&#39;brien&amp;co@example.com');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('keeps the names verbatim in the plain text', () => {
    expect(text).toContain('<script>alert("pwn")</script>');
  });

  it('escapes the ampersands of the presigned URL in its href', () => {
    expect(html).toContain(`href="${PRESIGNED_URL.replaceAll('&', '&amp;')}"`);
  });
});

describe('HTML layout', () => {
  const { html } = october();

  it('loads nothing from outside the message', () => {
    // One <style> block of phone rules is allowed (see phone-layout.test.ts); nothing it could load.
    expect(html).not.toMatch(/<(script|link|img)\b/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/url\(/i);
  });

  it('caps the width and right-aligns the numbers', () => {
    expect(html).toContain('max-width:720px');
    expect(html).toMatch(/<td(?: class="[^"]*")? style="[^"]*text-align:right;[^"]*">27,777\.60<\/td>/);
  });
});

describe('the workbook section', () => {
  it('links the download and states its real expiry', () => {
    const { html, text } = october();
    expect(text).toContain(`Download devin-acu-chargeback-2026-10.xlsx:\n${PRESIGNED_URL}`);
    expect(text).toContain('This link works until 8 November 2026, 06:00 UTC (7 days).');
    expect(html).toContain('This link works until 8 November 2026, 06:00 UTC (7 days).');
  });

  it('states a shorter lifetime when the credentials cut the link short', () => {
    const { text } = october(
      s3Delivery({ link: { url: PRESIGNED_URL, expiresAt: new Date('2026-11-01T11:40:30Z') } }),
    );
    expect(text).toContain('This link works until 1 November 2026, 11:40 UTC (5 hours 40 minutes).');
  });

  it('gives the s3 URI, the console link and how to get a fresh link', () => {
    const { html, text } = october();
    expect(text).toContain('s3://reports-bucket/reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx');
    expect(text).toContain(
      'Open it in the S3 console:\nhttps://s3.console.aws.amazon.com/s3/object/reports-bucket?',
    );
    expect(text).toContain('To get a fresh link: invoke the function with {"month":"2026-10","email":false}');
    expect(html).toMatch(
      /To get a fresh link: invoke the function with <code [^>]*>\{&quot;month&quot;:&quot;2026-10&quot;,&quot;email&quot;:false\}<\/code>/,
    );
  });

  it('gives the file path instead for the local preview', () => {
    const { html, text } = october(fileDelivery());
    expect(text).toContain('The workbook is saved at /home/fin/reports/devin-acu-chargeback-2026-10.xlsx.');
    expect(text).not.toContain('link');
    expect(html).not.toContain('s3://');
  });

  it('says when the workbook is attached', () => {
    expect(october(s3Delivery({ attached: true })).text).toContain(
      'The workbook devin-acu-chargeback-2026-10.xlsx is also attached to this email.',
    );
    expect(october(s3Delivery({ attached: false })).text).not.toContain('attached');
  });
});

describe('edge cases', () => {
  it('renders a month without sessions', () => {
    const { subject, text } = renderChargebackEmail({
      report: emptyReport(),
      run: octoberRun(),
      delivery: s3Delivery(),
    });
    expect(subject).toBe('Devin ACU chargeback — October 2026: USD 0.00 (0.00 ACUs)');
    expect(text).toContain('By org\n------\nNo sessions in this period.');
  });

  it('says when names could not be read', () => {
    const report = octoberReport();
    const { text } = renderChargebackEmail({
      report: {
        ...report,
        names: { orgs: { available: false, reason: 'HTTP 403' }, users: { available: true } },
      },
      run: octoberRun(),
      delivery: s3Delivery(),
    });
    expect(text).toContain('Org names were unavailable (HTTP 403); org IDs are shown instead.');
    expect(text).not.toContain('User names were unavailable');
  });
});
