import { describe, expect, it } from 'vitest';
import { label, RETIRED_LABELS } from '#core/glossary/glossary.js';
import { summaryDocumentSchema } from '#core/report/summary-document-schema.js';
import { PRELIMINARY_NOTICE } from '#core/report/unsettled-sentence.js';
import { formatBytes, landingView } from '#links/landing-view.js';
import { landingPage } from '#links/pages/landing-page.js';
import {
  expiredLinkPage,
  invalidLinkPage,
  methodNotAllowedPage,
  nothingHerePage,
  reportGonePage,
  serviceErrorPage,
} from '#links/pages/refusal-pages.js';
import type { ReportFile } from '#links/report-source.js';

const FILE: ReportFile = {
  key: 'reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx',
  fileName: 'devin-acu-chargeback-2026-10.xlsx',
  sizeBytes: 84_213,
  metadata: { period: '2026-10', sessions: '12345', acus: '4567.891234', cost: '10277.76 USD' },
};
const NOW = new Date('2026-11-03T09:00:00Z');
const EXPIRES = new Date('2026-12-01T06:00:00Z');

describe('the landing page without summary.json', () => {
  it('shows the figures from the object metadata, formatted for reading', () => {
    const view = landingView({
      file: FILE,
      summary: undefined,
      expiresAt: EXPIRES,
      now: NOW,
      downloadHref: 't/download',
    });
    expect(view.figures).toEqual([
      { label: 'Cost', value: 'USD 10,277.76' },
      { label: 'ACUs', value: '4,567.89' },
      { label: 'Sessions', value: '12,345' },
    ]);
    expect(view.fileDetail).toBe('Excel workbook, 84 KB');
    expect(view.expiry).toBe('This link works until 1 December 2026, 06:00 UTC (27 days 21 hours).');
    expect(view.periodLabel).toBe('2026-10');
  });

  it('leaves out what the metadata does not say, rather than inventing it', () => {
    const view = landingView({
      file: { ...FILE, metadata: { sessions: 'lots', cost: '12 dollars' } },
      summary: undefined,
      expiresAt: EXPIRES,
      now: NOW,
      downloadHref: 'd',
    });
    expect(view.figures).toEqual([]);
    expect(landingPage(view)).not.toContain('<dl');
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 bytes'],
    [84_213, '84 KB'],
    [1_234_567, '1.2 MB'],
    [23_456_789, '23 MB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('every page', () => {
  const pages = {
    landing: landingPage({
      periodLabel: '<b>October</b>',
      figures: [{ label: 'ACUs', value: '1 & 2' }],
      orgs: [{ name: '<script>x</script>', acus: '1', cost: '2' }],
      moreOrgs: 0,
      fileName: '"x".xlsx',
      fileDetail: 'Excel workbook, 1 KB',
      downloadHref: 'v1.a"b/download',
      expiry: 'This link works until…',
    }),
    invalid: invalidLinkPage(),
    expired: expiredLinkPage({ expiredAt: '1 December 2026, 06:00 UTC', freshLinkEvent: '{"month":"<x>"}' }),
    gone: reportGonePage(),
    nothing: nothingHerePage(),
    method: methodNotAllowedPage(),
    error: serviceErrorPage(),
  };

  it.each(Object.entries(pages))(
    '%s is self-contained, scaled for phones and escapes its text',
    (_name, html) => {
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html).not.toMatch(/<script|<img|<link|<iframe|@import|url\(|src=/i);
      expect(html).not.toContain('<b>');
    },
  );

  it('escapes attribute values too', () => {
    expect(pages.landing).toContain('href="v1.a&quot;b/download"');
    expect(pages.landing).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(pages.expired).toContain('{&quot;month&quot;:&quot;&lt;x&gt;&quot;}');
  });
});

const SUMMARY = {
  schemaVersion: 1,
  period: {
    kind: 'range',
    from: '2026-10-01T00:00:00.000Z',
    to: '2026-10-16T00:00:00.000Z',
    timeZone: 'UTC',
    firstDay: '2026-10-01',
    lastDay: '2026-10-15',
    label: '1 Oct 2026 – 15 Oct 2026',
    slug: '2026-10-01_2026-10-15',
  },
  pricing: { unitPrice: '2.25', currency: 'USD', minorDigits: 2 },
  totals: {
    sessions: 1,
    acus: { exact: '1', value: 1 },
    cost: { exact: '2.25', minor: '225', value: 2.25 },
  },
  orgs: [
    {
      orgId: 'org_1',
      orgName: 'Payments <Platform>',
      sessions: 1,
      acus: { exact: '1', value: 1 },
      cost: { exact: '2.25', minor: '225', value: 2.25 },
      shareOfAcus: 1,
      users: [],
    },
  ],
  tags: [],
  statuses: [],
  names: { orgs: { available: true }, users: { available: true } },
  run: {
    runId: 'r',
    generatedAt: '2026-10-16T06:00:00.000Z',
    generator: 'test',
    apiHost: 'api.devin.ai',
    source: 'demo',
    filters: { orgIds: ['org_1'], userIds: [], tags: ['migration'] },
  },
  stats: {
    pages: 1,
    reportedTotal: 1,
    itemsReceived: 1,
    duplicatesDropped: 0,
    outsidePeriodDropped: 0,
    nullAcus: 0,
    reread: false,
  },
};

describe('the landing page with summary.json', () => {
  it('says when the report is filtered or built from demo data, naming orgs by name', async () => {
    const summary = summaryDocumentSchema.parse(SUMMARY);
    const view = landingView({ file: FILE, summary, expiresAt: EXPIRES, now: NOW, downloadHref: 'd' });
    expect(view.notices).toEqual([
      'Demo data: these figures are not real usage.',
      'Filtered report: only orgs Payments <Platform>; tags migration.',
    ]);
    expect(view.periodDetail).toBe('UTC');
    // Money first, as in the email.
    expect(view.figures).toEqual([
      { label: 'Cost', value: 'USD 2.25' },
      { label: 'ACUs', value: '1.00' },
      { label: 'Sessions', value: '1' },
    ]);
    const html = landingPage(view);
    expect(html).toContain(
      '<p class="notice">Filtered report: only orgs Payments &lt;Platform&gt;; tags migration.</p>',
    );
  });

  it('says Preliminary or Closed, Unsettled and Posted in the glossary’s words, as the email does', () => {
    const summary = summaryDocumentSchema.parse({
      ...SUMMARY,
      runStatus: 'preliminary',
      unsettled: {
        sessions: 2,
        acus: { exact: '0.5', value: 0.5 },
        cost: { exact: '1.125', minor: '113', value: 1.13 },
      },
      journal: {
        journalId: 'j',
        draft: false,
        lines: 3,
        debitMinor: '400',
        creditMinor: '400',
        usageMinor: '225',
        trueUpMinor: '100',
        sharedMinor: '75',
        postedMinor: '400',
      },
    });
    const view = landingView({ file: FILE, summary, expiresAt: EXPIRES, now: NOW, downloadHref: 'd' });
    expect(view.figures[0]).toEqual({ label: 'Cost', value: 'USD 2.25' });
    expect(view.figures.at(-1)).toEqual({ label: 'Status', value: label('preliminary') });
    expect(view.figures[1]).toEqual({
      label: label('posted'),
      value: 'USD 4.00',
      detail: 'usage USD 2.25 + true-ups USD 1.00 + shared products USD 0.75',
    });
    expect(view.notices).toContain(PRELIMINARY_NOTICE);
    expect(view.notices).toContain(
      'Unsettled: 2 sessions had not ended when this report was built (0.50 ACUs, USD 1.13 as of this run); their figures can still grow.',
    );
    const html = landingPage(view);
    expect(html).toContain(
      '<dd>USD 4.00<span class="detail">usage USD 2.25 + true-ups USD 1.00 + shared products USD 0.75</span></dd>',
    );
    for (const retired of RETIRED_LABELS) expect(html).not.toContain(retired);

    const closed = landingView({
      file: FILE,
      summary: summaryDocumentSchema.parse({ ...SUMMARY, runStatus: 'closed' }),
      expiresAt: EXPIRES,
      now: NOW,
      downloadHref: 'd',
    });
    expect(closed.figures.at(-1)).toEqual({ label: 'Status', value: 'Closed' });
    expect(closed.notices?.join(' ')).not.toMatch(/Preliminary|Unsettled/);
  });

  it('lists the ERP journal files the summary names, and none when it names none', () => {
    const journal = {
      journalId: 'j',
      draft: false,
      lines: 2,
      debitMinor: '225',
      creditMinor: '225',
      usageMinor: '225',
      trueUpMinor: '0',
      sharedMinor: '0',
      postedMinor: '225',
    };
    const files = [
      'devin-acu-chargeback-2026-10.journal.xero.UK01.csv',
      'devin-acu-chargeback-2026-10.journal.oracle-fbdi.zip',
    ];
    const view = landingView({
      file: FILE,
      summary: summaryDocumentSchema.parse({ ...SUMMARY, journal: { ...journal, formatFiles: files } }),
      expiresAt: EXPIRES,
      now: NOW,
      downloadHref: 'd',
    });
    expect(view.journalFiles).toEqual(files);
    expect(landingPage(view)).toContain(
      '<h2>ERP journals</h2>\n<p class="note">Stored beside the workbook, ready to import:</p>\n<ul><li><code>devin-acu-chargeback-2026-10.journal.xero.UK01.csv</code></li><li><code>devin-acu-chargeback-2026-10.journal.oracle-fbdi.zip</code></li></ul>',
    );
    const none = landingView({
      file: FILE,
      summary: summaryDocumentSchema.parse({ ...SUMMARY, journal }),
      expiresAt: EXPIRES,
      now: NOW,
      downloadHref: 'd',
    });
    expect(landingPage(none)).not.toContain('ERP journals');
  });
});
