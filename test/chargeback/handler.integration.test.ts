// The Lambda handler end to end: the real SDK clients against local S3 / SES /
// Secrets Manager emulators and the project's fake Devin API, all on loopback.

import { gunzipSync } from 'node:zlib';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { startTestDevinApi, type TestDevinApi } from '../support/fake-devin-api/test-devin-api.js';
import { type ReportBucket, reportBucket } from '../support/report-bucket.js';
import {
  API_KEY_SECRET_ID,
  loadReportHandler,
  type ReportHandler,
  reportFunctionEnv,
  restoreReportEnv,
} from '../support/report-handler.js';

const API_KEY = 'apk_user_integration_secret_value_1234567890';
const BUCKET = 'chargeback-reports';
const HOSTILE_ORG = '<script>alert("x")</script> & Co';
const scheduled = {
  source: 'devin-chargeback.schedule',
  kind: 'monthly',
  scheduledTime: '2026-11-01T06:00:00Z',
};

let aws: AwsEmulators;
let devin: TestDevinApi;
let handler: ReportHandler;
let bucket: ReportBucket;

function dataset() {
  const data = generateDataset({
    seed: 7,
    sessions: 600,
    from: new Date('2026-10-01T00:00:00Z'),
    to: new Date('2026-11-01T00:00:00Z'),
  });
  const [first, ...rest] = data.organizations;
  if (!first) throw new Error('generateDataset made no organizations');
  return { ...data, organizations: [{ ...first, org_name: HOSTILE_ORG }, ...rest] };
}

function loadHandler(extraEnv: Record<string, string> = {}): Promise<ReportHandler> {
  return loadReportHandler({
    ...reportFunctionEnv(aws, { bucket: BUCKET, devinUrl: devin.url }),
    EMAIL_RECIPIENTS: 'finance@example.com,controller@example.com',
    ...extraEnv,
  });
}

const objectText = (key: string) => bucket.bytes(key);
const exists = (key: string) => bucket.exists(key);

describe('chargeback Lambda handler', () => {
  beforeAll(async () => {
    aws = await startAwsEmulators();
    await aws.s3.createBucket(BUCKET);
    aws.secretsManager.setSecret(API_KEY_SECRET_ID, JSON.stringify({ apiKey: API_KEY }));
    devin = await startTestDevinApi({ apiKey: API_KEY, data: dataset() });
    handler = await loadHandler();
    bucket = reportBucket(aws, BUCKET);
  }, 60_000);

  afterAll(async () => {
    restoreReportEnv();
    await devin?.close();
    await aws?.stop();
  });

  beforeEach(() => {
    devin.setFaults({});
  });

  it('stores the month, emails finance once and returns a working link', async () => {
    const result = await handler(scheduled);

    expect(result.period).toMatchObject({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
      label: 'October 2026',
    });
    expect(result.s3).toEqual({
      bucket: BUCKET,
      key: 'reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx',
      uri: `s3://${BUCKET}/reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx`,
    });
    expect(result.emailed).toBe(true);
    expect(result.messageId).toBeTruthy();
    expect(result.totals.currency).toBe('USD');
    expect(result.totals.sessions).toBeGreaterThan(500);

    // The object is the workbook, with a download name and the period's figures as metadata.
    const head = await bucket.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: result.s3.key }));
    expect(head.ContentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(head.ContentDisposition).toContain('devin-acu-chargeback-2026-10.xlsx');
    expect(head.Metadata).toMatchObject({
      period: '2026-10',
      sessions: String(result.totals.sessions),
      acus: result.totals.acus,
      'run-id': result.runId,
    });
    const workbook = new ExcelJS.Workbook();
    const bytes = await objectText(result.s3.key);
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'By Org',
      'By User',
      'By Tag',
      'Reconciliation',
      'Sessions',
      'Session Tags',
      'About',
    ]);
    // Title row, header row, the sessions, a blank row, then the Total.
    expect(workbook.getWorksheet('Sessions')?.getColumn(1).values.indexOf('Total')).toBe(
      result.totals.sessions + 4,
    );

    // Audit files beside it.
    const sessions = JSON.parse(
      gunzipSync(
        await objectText('reports/monthly/2026/devin-acu-chargeback-2026-10.sessions.json.gz'),
      ).toString('utf8'),
    ) as unknown[];
    expect(sessions).toHaveLength(result.totals.sessions);
    const summary = JSON.parse(
      (await objectText('reports/monthly/2026/devin-acu-chargeback-2026-10.summary.json')).toString('utf8'),
    ) as { run: { runId: string } };
    expect(summary.run.runId).toBe(result.runId);
    // The month's FOCUS partition: one Parquet object (PAR1 at both ends) and its schema metadata.
    expect(result.focus).toEqual({
      key: 'reports/focus/billing_period=2026-10/devin-focus-2026-10.parquet',
      uri: `s3://${BUCKET}/reports/focus/billing_period=2026-10/devin-focus-2026-10.parquet`,
      rows: result.totals.sessions,
    });
    const parquet = await objectText(result.focus?.key ?? '');
    expect([parquet.subarray(0, 4).toString(), parquet.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']);
    const schema = JSON.parse(
      (
        await objectText('reports/focus/metadata/billing_period=2026-10/devin-focus-2026-10.schema.json')
      ).toString('utf8'),
    ) as { FocusVersion: string };
    expect(schema.FocusVersion).toBe('1.3');

    // The presigned link downloads the same bytes over plain HTTP.
    const download = await fetch(result.downloadUrl);
    expect(download.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await download.arrayBuffer()), await objectText(result.s3.key))).toBe(
      0,
    );
    expect(new Date(result.downloadUrlExpiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);

    // One email, to the configured recipients, with both parts, the link, and escaped API text.
    const mails = (await aws.ses.mails()).filter((m) => m.messageId === result.messageId);
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    if (!mail) throw new Error('no mail');
    expect(mail.from).toBe('reports@example.com');
    // The emulator records the To header as one string.
    expect(mail.destination.to.join(', ')).toBe('finance@example.com, controller@example.com');
    expect(mail.subject).toMatch(
      /^Devin ACU chargeback — October 2026: USD [\d,]+\.\d\d \([\d,]+\.\d\d ACUs\)$/,
    );
    expect(mail.body.text).toContain(result.s3.uri);
    expect(mail.body.html).toContain(result.downloadUrl.replaceAll('&', '&amp;'));
    expect(mail.body.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(mail.body.html).not.toContain('<script>');
    expect(mail.body.text).toContain('{"month":"2026-10","email":false}');
    // Reconciled with the fake's bill; nothing stored for September yet to compare with.
    expect(mail.body.text).toMatch(/Sessions account for \d+\.\d% of the [\d,.]+ ACUs billed/);
    expect(mail.body.text).toContain(
      'No report for September 2026 was found, so there is nothing to compare with',
    );
    expect(await exists('reports/markers/monthly/2026-10.email.json')).toBe(true);
    // The cost-by-org chart rides inline (the emulator's parser swaps cid: for the part's data);
    // no trend without earlier summaries in the bucket.
    const images = mail.body.html?.match(/<img src="data:image\/png;base64,[^"]+" alt="[^"]*"/g) ?? [];
    expect(images).toHaveLength(1);
    expect(images[0]).toContain('alt="Bar chart of cost by org for October 2026, total USD ');
  });

  it('does nothing but return the earlier result for a duplicate scheduled event', async () => {
    const before = (await aws.ses.mails()).length;
    const requestsBefore = devin.requests.length;
    const again = await handler(scheduled);
    expect(again.duplicateOf).toBeTruthy();
    expect(again.emailed).toBe(true);
    expect((await aws.ses.mails()).length).toBe(before);
    expect(devin.requests.length).toBe(requestsBefore);
  });

  it('sends again when a person forces it, to the recipients they name: the closed month’s record email', async () => {
    const september = await handler({ month: '2026-09', email: false });
    expect(september.emailed).toBe(false);
    const before = (await aws.ses.mails()).length;
    // October was closed by the schedule above: a forced resend is its record's email, never a
    // new run (issue 27, finding 8).
    const forced = await handler({ month: '2026-10', force: true, recipients: ['cfo@example.com'] });
    expect(forced.emailed).toBe(true);
    expect(forced.closed).toBe(true);
    expect(forced.duplicateOf).toBe(forced.close?.runId);
    const mails = await aws.ses.mails();
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)?.destination.to.join(', ')).toBe('cfo@example.com');
    expect(mails.at(-1)?.subject).toContain('October 2026 (closed)');
    expect(mails.at(-1)?.body.text).toContain('These are the figures of record, resent as they were closed.');
  });

  it('refuses recipients outside the deployment’s domains before anything is read or sent', async () => {
    const before = (await aws.ses.mails()).length;
    const requests = devin.requests.length;
    for (const recipients of [
      ['attacker@evil.example'],
      ['cfo@example.com', 'cfo@example.com.evil.example'],
      // A subdomain is another domain: only what the operator listed is allowed.
      ['someone@mail.example.com'],
    ]) {
      await expect(handler({ month: '2026-10', force: true, recipients })).rejects.toThrow(
        `recipients: ${JSON.stringify(recipients.at(-1))} is outside the domains this deployment may email (example.com)`,
      );
    }
    expect((await aws.ses.mails()).length).toBe(before);
    expect(devin.requests.length).toBe(requests);
  });

  it('lets the operator widen the domains with ALLOWED_RECIPIENT_DOMAINS', async () => {
    handler = await loadHandler({ ALLOWED_RECIPIENT_DOMAINS: 'example.com, Partner.example' });
    try {
      const before = (await aws.ses.mails()).length;
      const sent = await handler({ month: '2026-10', force: true, recipients: ['Audit@PARTNER.example'] });
      expect(sent.emailed).toBe(true);
      const mails = await aws.ses.mails();
      expect(mails.length).toBe(before + 1);
      expect(mails.at(-1)?.destination.to.map((to) => to.toLowerCase())).toEqual(['audit@partner.example']);
      await expect(
        handler({ month: '2026-10', force: true, recipients: ['x@evil.example'] }),
      ).rejects.toThrow(
        /recipients: "x@evil.example" is outside the domains this deployment may email \(example.com, partner.example\)/,
      );
    } finally {
      handler = await loadHandler();
    }
  });

  it('stores an ad-hoc range without email and returns a fresh link', async () => {
    const before = (await aws.ses.mails()).length;
    const result = await handler({ from: '2026-10-01', to: '2026-10-15', email: false, orgIds: ['org_0'] });
    expect(result.emailed).toBe(false);
    expect(result.messageId).toBeNull();
    // Filtered: the run's own names, never the period's record.
    expect(result.s3.key).toMatch(
      /^reports\/ad-hoc\/2026-10-01_2026-10-15\/devin-acu-chargeback-2026-10-01_2026-10-15_filtered-[0-9a-f]{8}\.xlsx$/,
    );
    expect(
      await exists('reports/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.xlsx'),
    ).toBe(false);
    expect((await fetch(result.downloadUrl)).status).toBe(200);
    expect((await aws.ses.mails()).length).toBe(before);
    expect(await exists('reports/markers/ad-hoc/2026-10-01_2026-10-15.email.json')).toBe(false);
  });

  it('lists only MAX_SESSION_ROWS sessions and emails where all of them are in S3', async () => {
    const capped = await loadHandler({ MAX_SESSION_ROWS: '10' });
    try {
      const result = await capped({ from: '2026-10-16', to: '2026-10-31' });
      expect(result.emailed).toBe(true);
      expect(result.totals.sessions).toBeGreaterThan(10);
      const folder = 'reports/ad-hoc/2026-10-16_2026-10-31/';
      const focus = `s3://${BUCKET}/reports/focus/ad-hoc/range=2026-10-16_2026-10-31/devin-focus-2026-10-16_2026-10-31.parquet`;
      const raw = `s3://${BUCKET}/${folder}devin-acu-chargeback-2026-10-16_2026-10-31.sessions.json.gz`;
      expect(result.focus?.uri).toBe(focus);
      expect(await exists(raw.slice(`s3://${BUCKET}/`.length))).toBe(true);

      const mail = (await aws.ses.mails()).find((m) => m.messageId === result.messageId);
      expect(mail?.body.text).toContain(
        `The workbook lists the first 10 of ${result.totals.sessions} sessions (a limit of 10 session rows,`,
      );
      expect(mail?.body.text).toContain(`FOCUS dataset, ${focus}, and the raw sessions export, ${raw}.`);
      expect(mail?.body.html).toContain(focus);

      const bytes = await objectText(result.s3.key);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      );
      const sessions = workbook.getWorksheet('Sessions');
      expect(sessions?.getColumn(1).values.indexOf('Total (rows shown)')).toBe(10 + 4);
      const notices = Array.from(workbook.getWorksheet('Summary')?.getColumn(1).values ?? [], (v) =>
        String(v ?? ''),
      );
      expect(notices.find((text) => text.startsWith('The workbook lists the first 10 of'))).toContain(raw);
    } finally {
      handler = await loadHandler();
    }
  }, 120_000);

  it('rejects a bad event at once, naming the field', async () => {
    await expect(handler({ month: '2026-10', recipient: ['x@example.com'] })).rejects.toThrow(
      /recipient: \["x@example.com"\] is not a known field/,
    );
  });

  it('sends nothing when the Devin API fails, and leaves no marker', async () => {
    devin.setFaults({
      script: [{ fault: { kind: 'status', status: 500 }, times: Number.POSITIVE_INFINITY }],
    });
    const before = (await aws.ses.mails()).length;
    // The plan's count is the first read, so it is the stage that fails.
    await expect(handler({ month: '2026-05' })).rejects.toThrow(/^count sessions failed: /);
    expect((await aws.ses.mails()).length).toBe(before);
    expect(await exists('reports/markers/monthly/2026-05.email.json')).toBe(false);
    expect(await exists('reports/monthly/2026/devin-acu-chargeback-2026-05.xlsx')).toBe(false);
  }, 120_000);

  it('never puts the API key in an error', async () => {
    devin.setFaults({
      script: [{ fault: { kind: 'status', status: 401 }, times: Number.POSITIVE_INFINITY }],
    });
    const error = await handler({ month: '2026-08' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(API_KEY);
    expect(String((error as Error).stack)).not.toContain(API_KEY);
  });

  it('raises and sends nothing when S3 is down', async () => {
    const localS3 = await startAwsEmulators();
    const down = await (async () => {
      await localS3.s3.stop();
      return localS3.env.AWS_ENDPOINT_URL_S3 ?? '';
    })();
    const sesEndpoint = aws.env.AWS_ENDPOINT_URL_SES ?? '';
    const broken = await loadHandler({ AWS_ENDPOINT_URL_S3: down, AWS_ENDPOINT_URL_SES: sesEndpoint });
    const before = (await aws.ses.mails()).length;
    try {
      // The first S3 call is the read of the period's close record, with or without email.
      for (const event of [{ month: '2026-07' }, { month: '2026-07', email: false }]) {
        await expect(broken(event)).rejects.toThrow(
          /^could not read: .*\(get-object s3:\/\/chargeback-reports\/reports\/monthly\/2026\/devin-acu-chargeback-2026-07\.close\.json\)$/,
        );
      }
      expect((await aws.ses.mails()).length).toBe(before);
    } finally {
      await localS3.stop();
      handler = await loadHandler();
    }
  }, 120_000);

  it('raises when SES fails, keeping the stored report and no marker', async () => {
    await aws.ses.stop();
    await expect(handler({ month: '2026-06' })).rejects.toThrow(/^send email failed: /);
    expect(await exists('reports/monthly/2026/devin-acu-chargeback-2026-06.xlsx')).toBe(true);
    expect(await exists('reports/markers/monthly/2026-06.email.json')).toBe(false);
  }, 120_000);

  it('reads v3 when deployed with devinApiVersion v3, and keeps the key out of a 401', async () => {
    const v3 = await loadHandler({ DEVIN_API_VERSION: 'v3' });
    try {
      devin.requests.length = 0;
      // September: October is closed, and its fresh-link event serves the record without reading the API.
      const result = await v3({ month: '2026-09', email: false });
      expect(result).toMatchObject({ period: expect.anything() });
      expect(devin.requests.length).toBeGreaterThan(0);
      // Earlier tests' failed runs may still have v2 requests arriving late, so judge by what only v3 serves.
      const paths = devin.requests.map((r) => r.path);
      expect(paths).toContain('/v3/enterprise/sessions');
      expect(paths).toContain('/v3/enterprise/consumption/daily');
      expect(paths).toContain('/v3/enterprise/members/service-users');
      devin.setFaults({
        script: [{ fault: { kind: 'status', status: 401 }, times: Number.POSITIVE_INFINITY }],
      });
      const error = await v3({ month: '2026-09', email: false }).catch((e: unknown) => e);
      expect(String((error as Error).message)).toMatch(/401.*service user/);
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(API_KEY);
    } finally {
      handler = await loadHandler();
    }
  }, 120_000);
});
