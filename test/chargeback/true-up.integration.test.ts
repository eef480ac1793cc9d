// Close October through the Lambda handler, let October sessions grow (and one appear) in the
// fake Devin API after that close, close November: the true-ups posted, read back from the S3
// emulator and the SES emulator, with October's objects byte-identical.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChargebackResult } from '#chargeback/chargeback-result.js';
import { DEMO_COST_CENTRES_FILE, DEMO_CREDIT_ACCOUNT } from '#cli/demo-cost-centres.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import type { FakeDataset } from '#devin/fake/wire.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { type ReportBucket, reportBucket } from '../support/report-bucket.js';
import {
  API_KEY_SECRET_ID,
  loadReportHandler,
  type ReportHandler,
  reportFunctionEnv,
  restoreReportEnv,
} from '../support/report-handler.js';

const COG_KEY = 'cog_true_up_handler_service_user_secret_5c19e2';
const BUCKET = 'chargeback-true-up';
const FOLDER = 'reports/monthly/2026/';
const OCTOBER = `${FOLDER}devin-acu-chargeback-2026-10`;
const NOVEMBER = `${FOLDER}devin-acu-chargeback-2026-11`;
const DATA = demoDataset(new Date('2026-12-02T10:00:00Z'));
type WireSession = FakeDataset['sessions'][number];

let aws: AwsEmulators;
let devin: FakeDevinApi;
let bucket: ReportBucket;
const bytes = (key: string) => bucket.bytes(key);
const keys = () => bucket.keys();

/** The handler as the Lambda runtime loads it, with this price (ACU_PRICE is read at load). */
function loadHandler(acuPrice: string): Promise<ReportHandler> {
  return loadReportHandler({
    ...reportFunctionEnv(aws, { bucket: BUCKET, devinUrl: devin.url }),
    ACU_PRICE: acuPrice,
    CREDIT_ACCOUNT: DEMO_CREDIT_ACCOUNT,
  });
}

/** Every October object of the record (its files, its FOCUS partition, its close) with its SHA-256. */
async function octoberRecord(): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const key of await keys()) {
    if (key.startsWith(`${OCTOBER}.`) || key.includes('billing_period=2026-10/'))
      snapshot[key] = createHash('sha256')
        .update(await bytes(key))
        .digest('hex');
  }
  return snapshot;
}

/** The journal CSV as an ERP reads it: one record per line, cells by header (quotes honoured). */
function journalRows(text: string): Record<string, string>[] {
  const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
  const columns = (header ?? '').split(',');
  return rows.map((row) => {
    const values =
      row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((v) => {
        const cell = v.replace(/,$/, '');
        return cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      }) ?? [];
    return Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
  });
}

const cents = (v: string | undefined) => Math.round(Number(v || 0) * 100);
/** Exact cents of `acus` (6-decimal text) × `price` (cents): half up, as the money module rounds. */
function costCents(acus: string, priceCents: bigint): bigint {
  const [whole = '0', fraction = ''] = acus.split('.');
  const micro = BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  const scaled = micro * priceCents; // cents × 1e6
  return (scaled + 500_000n) / 1_000_000n;
}

/** An October session of `org` (mid-month, ended, with ACUs, no tag rule moving it). */
function octoberSessionOf(org: string): WireSession {
  const found = DATA.sessions.find(
    (s) =>
      s.created_at.startsWith('2026-10-1') &&
      s.acus_consumed !== null &&
      s.org_id === org &&
      !s.tags.includes('security'),
  );
  if (found === undefined) throw new Error(`no October session of ${org} to grow`);
  return found;
}

describe('a close through the Lambda after an earlier close, when October sessions grew', () => {
  // CC-110 (US01) grows 1.5 ACUs; CC-240 (UK01) grows an awkward 2.123457; a CC-120 session
  // the October close never saw (created in October, first listed after the close) counts whole.
  const payments = octoberSessionOf('org_3f9a6c21e0');
  const growth = octoberSessionOf('org_5a0f8d3c76');
  const template = octoberSessionOf('org_8b2d4e7a15');
  const late: WireSession = {
    ...template,
    session_id: 'devin-late0c70be4a11e2b3',
    title: 'Reconcile October settlement files (listed late)',
    created_at: '2026-10-31T22:15:00Z',
    acus_consumed: 4.25,
  };
  const expected = {
    'CC-110': { session: payments.session_id, acus: '1.5', cost: costCents('1.5', 225n) },
    'CC-240': { session: growth.session_id, acus: '2.123457', cost: costCents('2.123457', 225n) },
    'CC-120': { session: late.session_id, acus: '4.25', cost: costCents('4.25', 225n) },
  };
  const totalCents = Object.values(expected).reduce((s, e) => s + e.cost, 0n);

  let october: ChargebackResult;
  let november: ChargebackResult;
  let octoberBefore: Record<string, string>;

  beforeAll(async () => {
    aws = await startAwsEmulators();
    await aws.s3.createBucket(BUCKET);
    aws.secretsManager.setSecret(API_KEY_SECRET_ID, JSON.stringify({ apiKey: COG_KEY }));
    devin = await startFakeDevinApi({ apiKey: COG_KEY, data: DATA });
    bucket = reportBucket(aws, BUCKET);
    // Finance's map, uploaded where the function reads it (the demo's, with its catch-all row).
    await bucket.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'reports/config/cost-centres.csv',
        ContentType: 'text/csv',
        Body: await readFile(DEMO_COST_CENTRES_FILE, 'utf8'),
      }),
    );

    // October closes at USD 2.25 an ACU.
    october = await (await loadHandler('2.25'))({ month: '2026-10', close: true });
    octoberBefore = await octoberRecord();

    // After the close the API says more: two sessions consumed more, one was not listed before.
    const later = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    devin.setData({
      ...DATA,
      sessions: [
        ...DATA.sessions.map((s) => {
          if (s === payments) return { ...s, acus_consumed: (s.acus_consumed ?? 0) + 1.5, updated_at: later };
          if (s === growth)
            return {
              ...s,
              acus_consumed: Math.round(((s.acus_consumed ?? 0) + 2.123457) * 1e6) / 1e6,
              updated_at: later,
            };
          return s;
        }),
        { ...late, updated_at: later },
      ],
    });

    // November closes at a new price: the true-ups must still be priced at October's.
    november = await (await loadHandler('2.40'))({ month: '2026-11', close: true });
  }, 300_000);

  afterAll(async () => {
    restoreReportEnv();
    await devin?.close();
    await aws?.stop();
  });

  it('closes both months through the handler', () => {
    expect(october).toMatchObject({ closed: true, emailed: true });
    expect(october.close?.key).toBe(`${OCTOBER}.close.json`);
    expect(november).toMatchObject({ closed: true, emailed: true });
    expect(november.close?.key).toBe(`${NOVEMBER}.close.json`);
  });

  it("returns November's true-up in the handler's result, exact", () => {
    expect(november.trueUp).toMatchObject({
      sessions: 3,
      cost: '17.72',
      periods: [{ period: '2026-10', sessions: 3, cost: '17.72' }],
    });
    expect(Number(november.trueUp?.acus)).toBe(7.873457);
  });

  it('writes a November journal that imports: a BOM, one journal_id, every line complete, balanced per legal entity', async () => {
    const raw = await bytes(`${NOVEMBER}.journal.csv`);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const cells = journalRows(raw.toString('utf8'));
    expect(cells.length).toBeGreaterThan(0);
    const ids = new Set(cells.map((c) => c.journal_id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/2026-11/);
    for (const c of cells) {
      for (const field of [
        'journal_id',
        'account',
        'cost_centre',
        'legal_entity',
        'period',
        'posting_date',
        'quantity_acus',
        'currency',
        'description',
      ])
        expect(c[field], `${field} on ${JSON.stringify(c)}`).not.toBe('');
    }
    const entities = new Set(cells.map((c) => c.legal_entity));
    expect([...entities].sort()).toEqual(['UK01', 'US01']);
    for (const entity of entities) {
      const lines = cells.filter((c) => c.legal_entity === entity);
      expect(
        lines.reduce((s, c) => s + cents(c.debit), 0),
        entity,
      ).toBe(lines.reduce((s, c) => s + cents(c.credit), 0));
    }
  });

  it('posts each cost centre’s exact growth as “True-up October 2026”, priced at October’s 2.25', async () => {
    const cells = journalRows((await bytes(`${NOVEMBER}.journal.csv`)).toString('utf8'));
    const trueUps = cells.filter((c) => c.line_type === 'true-up');
    expect(trueUps.map((c) => c.cost_centre).sort()).toEqual(['CC-110', 'CC-120', 'CC-240']);
    for (const line of trueUps) {
      const want = expected[line.cost_centre as keyof typeof expected];
      expect(line.description).toContain('True-up October 2026');
      expect(line.quantity_acus).toBe(want.acus);
      expect(BigInt(cents(line.debit)), line.cost_centre).toBe(want.cost);
      expect(line.legal_entity).toBe(line.cost_centre === 'CC-240' ? 'UK01' : 'US01');
    }
    // 1.5 × 2.25 = 3.375 → 3.38; 2.123457 × 2.25 = 4.77777825 → 4.78; 4.25 × 2.25 = 9.5625 → 9.56: 17.72
    expect(totalCents).toBe(1772n);
  });

  it('states the true-ups in November’s summary.json, the October sessions at the ACUs now posted', async () => {
    const summary = JSON.parse((await bytes(`${NOVEMBER}.summary.json`)).toString('utf8')) as {
      trueUps?: { period: string; sessions: { sessionId: string; acus: string }[] }[];
      journal?: { trueUpMinor: string; postedMinor: string; usageMinor: string; sharedMinor: string };
    };
    expect(summary.journal?.trueUpMinor).toBe(String(totalCents));
    expect(BigInt(summary.journal?.postedMinor ?? 'x')).toBe(
      BigInt(summary.journal?.usageMinor ?? 'x') + BigInt(summary.journal?.sharedMinor ?? 'x') + totalCents,
    );
    const october = summary.trueUps?.find((t) => t.period === '2026-10');
    expect(october?.sessions.map((s) => s.sessionId).sort()).toEqual(
      [payments.session_id, growth.session_id, late.session_id].sort(),
    );
    const now = new Map(october?.sessions.map((s) => [s.sessionId, s.acus]));
    expect(Number(now.get(late.session_id))).toBe(4.25);
    expect(Number(now.get(payments.session_id))).toBeCloseTo((payments.acus_consumed ?? 0) + 1.5, 6);
  });

  it('emails finance the October true-up', async () => {
    const mail = (await aws.ses.mails()).find((m) => m.messageId === november.messageId);
    expect(mail?.subject).toMatch(/November 2026/);
    // 1.5 + 2.123457 + 4.25 = 7.873457 ACUs, USD 17.72, in the text part and the HTML part.
    const figure = /True-up October 2026(<\/td><td[^>]*>|\s+)3 sessions, 7\.87 ACUs, USD 17\.72/;
    expect(mail?.body.text).toMatch(figure);
    expect(mail?.body.html).toMatch(figure);
  });

  it('leaves every October object byte-identical', async () => {
    const names = Object.keys(octoberBefore).map((k) => k.slice(k.lastIndexOf('/') + 1));
    for (const suffix of [
      '.xlsx',
      '.journal.csv',
      '.summary.json',
      '.sessions.json.gz',
      '.cost-centres.csv',
      '.close.json',
      '.parquet',
    ])
      expect(
        names.some((n) => n.endsWith(suffix)),
        `an October ${suffix}`,
      ).toBe(true);
    expect(await octoberRecord()).toEqual(octoberBefore);
  });
});
