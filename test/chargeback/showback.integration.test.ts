// Showback end to end: the Lambda handler with the real SDK clients against the
// S3 and SES emulators (SES behind a proxy that can refuse one recipient) and
// the project's fake Devin API. Exactly one email per owner per period, across
// a failure mid-way and duplicate scheduled events.

import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { type AwsEmulators, type StoredMail, startAwsEmulators } from '../support/aws-emulators.js';
import { type RefusingSesProxy, startRefusingSesProxy } from '../support/aws-ses-refusing-proxy.js';
import { startTestDevinApi, type TestDevinApi } from '../support/fake-devin-api/test-devin-api.js';
import { type ReportBucket, reportBucket } from '../support/report-bucket.js';
import {
  API_KEY_SECRET_ID,
  loadReportHandler,
  type ReportHandler,
  reportFunctionEnv,
  restoreReportEnv,
} from '../support/report-handler.js';

const API_KEY = 'apk_user_showback_secret_value_1234567890';
const BUCKET = 'showback-reports';
const scheduled = {
  source: 'devin-chargeback.schedule',
  kind: 'monthly',
  scheduledTime: '2026-11-01T06:00:00Z',
};
const FOLDER = 'reports/monthly/2026/devin-acu-chargeback-2026-10';

const data = generateDataset({
  seed: 11,
  sessions: 300,
  from: new Date('2026-10-01T00:00:00Z'),
  to: new Date('2026-11-01T00:00:00Z'),
});
const orgIds = data.organizations.map((org) => org.org_id);
const [ORG_A = '', ORG_B = '', ORG_C = ''] = orgIds;

let aws: AwsEmulators;
let ses: RefusingSesProxy;
let devin: TestDevinApi;
let handler: ReportHandler;
let bucket: ReportBucket;

const bytesOf = (key: string) => bucket.bytes(key);
const exists = (key: string) => bucket.exists(key);

/** How many emails each address received, finance's included. */
async function mailsByRecipient(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const mail of await aws.ses.mails()) {
    const to = mail.destination.to.join(', ');
    counts[to] = (counts[to] ?? 0) + 1;
  }
  return counts;
}

async function mailTo(address: string): Promise<StoredMail> {
  const found = (await aws.ses.mails()).filter((mail) => mail.destination.to.join(', ') === address);
  expect(found, address).toHaveLength(1);
  return found[0] as StoredMail;
}

describe('showback emails from the Lambda', () => {
  beforeAll(async () => {
    aws = await startAwsEmulators();
    ses = await startRefusingSesProxy(aws.env.AWS_ENDPOINT_URL_SES ?? '');
    await aws.s3.createBucket(BUCKET);
    aws.secretsManager.setSecret(API_KEY_SECRET_ID, JSON.stringify({ apiKey: API_KEY }));
    devin = await startTestDevinApi({ apiKey: API_KEY, data });
    handler = await loadReportHandler({
      ...reportFunctionEnv(aws, { bucket: BUCKET, devinUrl: devin.url }),
      AWS_ENDPOINT_URL_SES: ses.endpoint,
      SHOWBACK: 'true',
      CREDIT_ACCOUNT: '2100',
    });
    bucket = reportBucket(aws, BUCKET);
    // Finance's map, uploaded as docs/finance.md says; the other orgs stay Unmapped.
    await bucket.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'reports/config/cost-centres.csv',
        ContentType: 'text/csv',
        Body: [
          'org_id,cost_centre,cost_centre_name,gl_account,owner_email',
          `${ORG_A},CC-A,Alpha,6100,a@example.com`,
          `${ORG_B},CC-B,Beta,6200,b@example.com;shared@example.com`,
          `${ORG_C},CC-C,Gamma,6300,c@example.com;shared@example.com`,
        ].join('\n'),
      }),
    );
  }, 60_000);

  afterAll(async () => {
    restoreReportEnv();
    await devin?.close();
    await ses?.close();
    await aws?.stop();
  });

  it('fails over one refused owner after serving finance and the others, and sends nobody twice on retries', async () => {
    expect(orgIds.length).toBeGreaterThan(3);
    ses.refused.add('c@example.com');
    await expect(handler(scheduled)).rejects.toThrow(
      /showback for 2026-10: 1 owner email failed \(c@example\.com: .*not verified/,
    );
    expect(await mailsByRecipient()).toEqual({
      'finance@example.com': 1,
      'a@example.com': 1,
      'b@example.com': 1,
      'shared@example.com': 1,
    });
    // Finance's email is recorded; the failed owner's claim was released for the retry.
    expect(await exists('reports/markers/monthly/2026-10.email.json')).toBe(true);
    expect(await exists('reports/markers/monthly/2026-10.showback/a%40example.com.email.json')).toBe(true);
    expect(await exists('reports/markers/monthly/2026-10.showback/c%40example.com.email.json')).toBe(false);
    expect(await exists('reports/markers/monthly/2026-10.showback/all-sent.json')).toBe(false);

    // A duplicate scheduled event while c@ is still refused: nothing is resent, c@ fails again.
    await expect(handler(scheduled)).rejects.toThrow(/1 owner email failed/);
    expect(Object.values(await mailsByRecipient())).toEqual([1, 1, 1, 1]);

    // The retry once SES accepts c@: only c@ is sent, the result is finance's earlier one, and the
    // workbook and journal finance was emailed stay as they were.
    const journalBefore = await bytesOf(`${FOLDER}.journal.DRAFT.csv`);
    ses.refused.clear();
    const retried = await handler(scheduled);
    expect(retried.duplicateOf).toBeTruthy();
    const head = await bucket.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${FOLDER}.xlsx` }));
    expect(head.Metadata?.['run-id']).toBe(retried.duplicateOf);
    expect(Buffer.compare(await bytesOf(`${FOLDER}.journal.DRAFT.csv`), journalBefore)).toBe(0);
    expect(retried.showback).toEqual({ sent: 1, alreadySent: 3 });
    expect(await mailsByRecipient()).toEqual({
      'finance@example.com': 1,
      'a@example.com': 1,
      'b@example.com': 1,
      'shared@example.com': 1,
      'c@example.com': 1,
    });

    // Once all are sent, a duplicate event does nothing at all, not even read Devin.
    const requests = devin.requests.length;
    const duplicate = await handler(scheduled);
    expect(duplicate.duplicateOf).toBeTruthy();
    expect(devin.requests.length).toBe(requests);
    expect(Object.values(await mailsByRecipient())).toEqual([1, 1, 1, 1, 1]);
  }, 180_000);

  it('gives each owner only their slice, with a working link to a workbook of it alone', async () => {
    const mail = await mailTo('c@example.com');
    expect(mail.subject).toMatch(
      /^(\[Preliminary\] )?Devin usage — October 2026 — CC-C Gamma: USD [\d,]+\.\d\d$/,
    );
    expect(mail.body.text).toContain('budget owner of CC-C Gamma');
    // "Reply to this email; it goes to finance": EMAIL_REPLY_TO is unset, so the first recipient.
    expect(mail.replyTo).toEqual(['finance@example.com']);
    expect(mail.body.text).toMatch(/^Posted\s+USD [\d,]+\.\d\d$/m);
    expect(mail.body.text).toMatch(/^Journal\s+\S+\.journal(\.PRELIMINARY|\.DRAFT)?\.csv \(journal /m);
    expect(mail.body.text).not.toMatch(/\bexit\b/);
    const shared = await mailTo('shared@example.com');
    expect(shared.subject).toContain('CC-B Beta, CC-C Gamma');
    const link = /href="(http[^"]+devin-acu-chargeback-2026-10-CC-C\.xlsx[^"]*)"/.exec(
      mail.body.html ?? '',
    )?.[1];
    expect(link).toBeTruthy();
    const download = await fetch((link ?? '').replaceAll('&amp;', '&'));
    expect(download.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    expect(workbook.getWorksheet('Journal')).toBeUndefined();
    const sessions = workbook.getWorksheet('Sessions');
    if (sessions === undefined) throw new Error('no Sessions sheet');
    // Row 1 is the sheet's title, row 2 its header.
    const orgColumn = (sessions.getRow(2).values as unknown[]).indexOf('Org ID');
    expect(orgColumn).toBeGreaterThan(0);
    const orgsInSlice = new Set<unknown>();
    // The table's rows only: its region ends at the blank row before the Total and the notes (merged across the printed columns).
    let ended = false;
    sessions.eachRow({ includeEmpty: true }, (row, n) => {
      if (n <= 2 || ended) return;
      if (!row.hasValues) {
        ended = true;
        return;
      }
      const value = row.getCell(orgColumn).value;
      if (value !== null) orgsInSlice.add(value);
    });
    expect([...orgsInSlice]).toEqual([ORG_C]);
    for (const other of orgIds.filter((id) => id !== ORG_C)) expect(mail.body.html).not.toContain(other);
  });

  it('keeps the journal CSV and the map it used beside the report', async () => {
    // Some orgs stay Unmapped, so the close's journal is a DRAFT: it names itself so.
    const journal = (await bytesOf(`${FOLDER}.journal.DRAFT.csv`)).toString('utf8').replace(/^\uFEFF/, '');
    const lines = journal.trim().split('\r\n');
    expect(lines[0]).toBe(
      'date,reference,legal_entity,account,cost_centre,cost_centre_name,debit,credit,currency,description,journal_id,period,posting_date,quantity_acus,line_type',
    );
    const cents = (column: number) =>
      lines.slice(1).reduce((sum, line) => sum + Math.round(Number(line.split(',')[column] || 0) * 100), 0);
    expect(cents(6)).toBe(cents(7));
    expect(journal).toContain(',Unmapped,');
    expect((await bytesOf(`${FOLDER}.cost-centres.csv`)).toString('utf8')).toContain(`${ORG_A},CC-A,Alpha`);
  });
});
