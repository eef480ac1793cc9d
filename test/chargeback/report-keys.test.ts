import { describe, expect, it } from 'vitest';
import { reportKeys } from '../../functions/chargeback/report-keys.js';
import type { ReportPeriod } from '../../functions/core/period/report-period.js';

const month: ReportPeriod = {
  kind: 'month',
  alignment: 'calendar',
  from: new Date('2026-10-01T00:00:00Z'),
  to: new Date('2026-11-01T00:00:00Z'),
  timeZone: 'UTC',
  firstDay: '2026-10-01',
  lastDay: '2026-10-31',
  label: 'October 2026',
  slug: '2026-10',
};
const range: ReportPeriod = {
  ...month,
  kind: 'range',
  to: new Date('2026-10-16T00:00:00Z'),
  lastDay: '2026-10-15',
  label: '1 Oct 2026 – 15 Oct 2026',
  slug: '2026-10-01_2026-10-15',
};

describe('reportKeys', () => {
  it('files a month under its year, each period under its own keys', () => {
    expect(reportKeys('reports/', month)).toEqual({
      workbook: 'reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx',
      sessions: 'reports/monthly/2026/devin-acu-chargeback-2026-10.sessions.json.gz',
      summary: 'reports/monthly/2026/devin-acu-chargeback-2026-10.summary.json',
      emailMarker: 'reports/markers/monthly/2026-10.email.json',
    });
  });

  it('files an ad-hoc range in a folder of its own', () => {
    expect(reportKeys('finance/devin/', range)).toEqual({
      workbook: 'finance/devin/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.xlsx',
      sessions:
        'finance/devin/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.sessions.json.gz',
      summary:
        'finance/devin/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.summary.json',
      emailMarker: 'finance/devin/markers/ad-hoc/2026-10-01_2026-10-15.email.json',
    });
  });
});
