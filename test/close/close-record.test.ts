import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildCloseRecord,
  type CloseRecordInput,
  closedLine,
  closeRecordName,
  closeRecordText,
  parseCloseRecord,
} from '#close/close-record.js';
import { CloseRecordMismatchError, closedSessionAcus } from '#close/closed-sessions.js';
import { decimalStringToScaled } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';

const acus = (text: string) => decimalStringToScaled(text, 12);
const PERIOD = monthPeriod('2026-10', 'UTC', new Date('2027-01-01T00:00:00Z'));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const EXPORT = gzipSync(
  JSON.stringify([
    { session_id: 's1', status: 'exit', acus_consumed: '10.5' },
    { session_id: 's2', status: 'suspended', acus_consumed: '2.125' },
    { session_id: 's3', status: 'error', acus_consumed: null },
  ]),
);

const INPUT: CloseRecordInput = {
  period: PERIOD,
  closedAt: new Date('2026-11-01T06:00:03.120Z'),
  runId: 'run-1',
  source: 'api',
  location: { kind: 's3', bucket: 'reports' },
  pricing: parsePricing('2.25', 'USD'),
  costBasis: 'sessions',
  totals: { sessions: 3, acus: acus('12.625'), costMinor: 2841n },
  unsettled: {
    acus: acus('2.125'),
    costMinor: 478n,
    sessions: [{ sessionId: 's2', status: 'suspended', acus: acus('2.125') }],
  },
  artifacts: {
    workbook: { key: 'r/monthly/2026/devin-acu-chargeback-2026-10.xlsx', sha256: sha('w'), bytes: 1 },
    summary: { key: 'r/monthly/2026/devin-acu-chargeback-2026-10.summary.json', sha256: sha('s'), bytes: 1 },
    sessions: {
      key: 'r/monthly/2026/devin-acu-chargeback-2026-10.sessions.json.gz',
      sha256: createHash('sha256').update(EXPORT).digest('hex'),
      bytes: EXPORT.length,
    },
    journal: undefined,
  },
};

describe('the close record', () => {
  it('names the period, price, basis, totals, unsettled sessions and artifacts, exactly', () => {
    const record = buildCloseRecord(INPUT);
    expect(record).toMatchObject({
      schemaVersion: 1,
      period: { slug: '2026-10', from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' },
      closedAt: '2026-11-01T06:00:03.120Z',
      runId: 'run-1',
      pricing: { unitPrice: '2.25', currency: 'USD', minorDigits: 2 },
      costBasis: 'sessions',
      totals: { sessions: 3, acus: '12.625', costMinor: '2841', cost: '28.41' },
      unsettled: {
        count: 1,
        acus: '2.125',
        cost: '4.78',
        sessions: [{ sessionId: 's2', status: 'suspended', acus: '2.125' }],
      },
    });
    expect(Object.keys(record.artifacts)).toEqual(['workbook', 'summary', 'sessions']);
  });

  it('reads back what it wrote, and the same record always has the same bytes', () => {
    const record = buildCloseRecord(INPUT);
    const text = closeRecordText(record);
    expect(parseCloseRecord(JSON.parse(text), 'close.json')).toEqual(record);
    expect(closeRecordText(buildCloseRecord(INPUT))).toBe(text);
  });

  it('refuses a damaged record, naming the field', () => {
    const record = JSON.parse(closeRecordText(buildCloseRecord(INPUT)));
    record.artifacts.workbook.sha256 = 'nope';
    expect(() => parseCloseRecord(record, 'x.close.json')).toThrow(
      /x\.close\.json artifacts\.workbook\.sha256/,
    );
  });

  it('is named after the period base, beside the artifacts', () => {
    expect(closeRecordName('devin-acu-chargeback-2026-10')).toBe('devin-acu-chargeback-2026-10.close.json');
    expect(closedLine(buildCloseRecord(INPUT))).toMatch(
      /^October 2026 was closed at 2026-11-01T06:00:03.120Z by run run-1/,
    );
  });
});

describe('closedSessionAcus', () => {
  it('gives every session its ACUs at close, and whether it was settled', () => {
    const sessions = closedSessionAcus(buildCloseRecord(INPUT), EXPORT);
    expect([...sessions]).toEqual([
      ['s1', { status: 'exit', acus: acus('10.5'), settled: true }],
      ['s2', { status: 'suspended', acus: acus('2.125'), settled: false }],
      ['s3', { status: 'error', acus: 0n, settled: true }],
    ]);
  });

  it('refuses an export that is not the one the record names', () => {
    const other = gzipSync('[]');
    expect(() => closedSessionAcus(buildCloseRecord(INPUT), other)).toThrow(CloseRecordMismatchError);
  });
});

describe('run files', () => {
  const none = { orgIds: [], userIds: [], tags: [] };
  it('gives a filtered run its own names, the same for the same slice', async () => {
    const { runFilesFor, runFilesBase, filterId } = await import('#close/run-files.js');
    const a = { orgIds: ['org_b', 'org_a'], userIds: [], tags: [] };
    const b = { orgIds: ['org_a', 'org_b', 'org_a'], userIds: [], tags: [] };
    expect(filterId(a)).toMatch(/^[0-9a-f]{8}$/);
    expect(filterId(a)).toBe(filterId(b));
    expect(filterId(a)).not.toBe(filterId({ orgIds: [], userIds: [], tags: ['org_a', 'org_b'] }));
    expect(runFilesBase('2026-10', runFilesFor(a, false))).toBe(
      `devin-acu-chargeback-2026-10_filtered-${filterId(a)}`,
    );
    expect(runFilesBase('2026-10', runFilesFor(a, true))).toBe(
      `devin-acu-chargeback-2026-10_filtered-${filterId(a)}`,
    );
    expect(runFilesBase('2026-10', runFilesFor(none, false))).toBe('devin-acu-chargeback-2026-10');
    expect(runFilesBase('2026-10', runFilesFor(none, true))).toBe('devin-acu-chargeback-2026-10.preview');
  });
});

describe('record file names', () => {
  it("tell the period's record from a filtered slice and a preview", async () => {
    const { isRecordFileName } = await import('#close/run-files.js');
    expect(isRecordFileName('r/monthly/2026/devin-acu-chargeback-2026-10.sessions.json.gz')).toBe(true);
    expect(isRecordFileName('devin-acu-chargeback-2026-10-01_2026-10-15.summary.json')).toBe(true);
    expect(isRecordFileName('devin-acu-chargeback-2026-10_filtered-1a2b3c4d.sessions.json.gz')).toBe(false);
    expect(isRecordFileName('devin-acu-chargeback-2026-10.preview.sessions.json.gz')).toBe(false);
  });
});
