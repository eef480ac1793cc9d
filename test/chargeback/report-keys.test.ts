import { describe, expect, it } from 'vitest';
import { reportKeys } from '#chargeback/report-keys.js';
import { OCTOBER_2026_UTC as month, FIRST_HALF_OF_OCTOBER_2026 as range } from '../support/report-periods.js';

describe('reportKeys', () => {
  it('files a month under its year, each period under its own keys', () => {
    expect(reportKeys('reports/', month)).toMatchObject({
      files: { kind: 'record' },
      close: 'reports/monthly/2026/devin-acu-chargeback-2026-10.close.json',
      workbook: 'reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx',
      sessions: 'reports/monthly/2026/devin-acu-chargeback-2026-10.sessions.json.gz',
      summary: 'reports/monthly/2026/devin-acu-chargeback-2026-10.summary.json',
      emailMarker: 'reports/markers/monthly/2026-10.email.json',
      journal: 'reports/monthly/2026/devin-acu-chargeback-2026-10.journal.csv',
      costCentres: 'reports/monthly/2026/devin-acu-chargeback-2026-10.cost-centres.csv',
      showbackFolder: 'reports/monthly/2026/devin-acu-chargeback-2026-10.showback/',
      showbackMarkers: 'reports/markers/monthly/2026-10.showback/',
    });
  });

  it('files an ad-hoc range in a folder of its own', () => {
    expect(reportKeys('finance/devin/', range)).toMatchObject({
      close:
        'finance/devin/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.close.json',
      workbook: 'finance/devin/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.xlsx',
      sessions:
        'finance/devin/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.sessions.json.gz',
      summary:
        'finance/devin/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.summary.json',
      emailMarker: 'finance/devin/markers/ad-hoc/2026-10-01_2026-10-15.email.json',
      journal:
        'finance/devin/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.journal.csv',
      costCentres:
        'finance/devin/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.cost-centres.csv',
      showbackFolder:
        'finance/devin/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.showback/',
      showbackMarkers: 'finance/devin/markers/ad-hoc/2026-10-01_2026-10-15.showback/',
    });
  });

  it('keeps a filtered run and a preview off the record, its close and its email marker', () => {
    const filtered = reportKeys('reports/', month, { kind: 'filtered', filterId: '1a2b3c4d' });
    expect(filtered).toMatchObject({
      workbook: 'reports/monthly/2026/devin-acu-chargeback-2026-10_filtered-1a2b3c4d.xlsx',
      sessions: 'reports/monthly/2026/devin-acu-chargeback-2026-10_filtered-1a2b3c4d.sessions.json.gz',
      summary: 'reports/monthly/2026/devin-acu-chargeback-2026-10_filtered-1a2b3c4d.summary.json',
      journal: 'reports/monthly/2026/devin-acu-chargeback-2026-10_filtered-1a2b3c4d.journal.csv',
      emailMarker: 'reports/markers/monthly/2026-10_filtered-1a2b3c4d.email.json',
      close: 'reports/monthly/2026/devin-acu-chargeback-2026-10.close.json',
    });
    const preview = reportKeys('reports/', month, { kind: 'preview' });
    expect(preview.workbook).toBe('reports/monthly/2026/devin-acu-chargeback-2026-10.preview.xlsx');
    expect(preview.emailMarker).toBe('reports/markers/monthly/2026-10.preview.email.json');
    expect(preview.runWorkbook('run-7')).toBe(
      'reports/monthly/2026/runs/run-7/devin-acu-chargeback-2026-10.preview.xlsx',
    );
  });
});
