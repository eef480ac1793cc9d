// Issue 31: the workbook rides in the email only when the operator opts in with attachMaxBytes.
// The handler with the environment the stack gives it by default, against the SES emulator.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { XLSX_CONTENT_TYPE } from '#workbook/workbook-file-name.js';
import { CONFIG_DEFAULTS } from '../../infra/config.js';
import { type AwsEmulators, type StoredMail, startAwsEmulators } from '../support/aws-emulators.js';
import {
  API_KEY_SECRET_ID,
  loadReportHandler,
  type ReportHandler,
  reportFunctionEnv,
  restoreReportEnv,
} from '../support/report-handler.js';

const API_KEY = 'apk_user_attachment_secret_value_1234567890';
const BUCKET = 'chargeback-attachments';

let aws: AwsEmulators;
let devin: FakeDevinApi;

function handlerWith(attachMaxBytes: number): Promise<ReportHandler> {
  return loadReportHandler({
    ...reportFunctionEnv(aws, { bucket: BUCKET, devinUrl: devin.url }),
    // As infra/chargeback-stack.ts passes it.
    ATTACH_MAX_BYTES: String(attachMaxBytes),
  });
}

const workbooksIn = (mail: StoredMail) =>
  mail.attachments.filter((a) => a.contentType === XLSX_CONTENT_TYPE || a.filename?.endsWith('.xlsx'));

async function mailFor(handler: ReportHandler, month: string, force = false): Promise<StoredMail> {
  const before = (await aws.ses.mails()).length;
  await handler({ month, force });
  const mails = (await aws.ses.mails()).slice(before);
  expect(mails, `one email for ${month}`).toHaveLength(1);
  return mails[0] as StoredMail;
}

describe('the workbook attachment', () => {
  beforeAll(async () => {
    aws = await startAwsEmulators();
    await aws.s3.createBucket(BUCKET);
    aws.secretsManager.setSecret(API_KEY_SECRET_ID, JSON.stringify({ apiKey: API_KEY }));
    devin = await startFakeDevinApi({
      apiKey: API_KEY,
      data: generateDataset({
        seed: 31,
        sessions: 120,
        from: new Date('2026-09-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
      }),
    });
  }, 60_000);

  afterAll(async () => {
    restoreReportEnv();
    await devin?.close();
    await aws?.stop();
  });

  it('is left out by default: the email carries the link only', async () => {
    const mail = await mailFor(await handlerWith(CONFIG_DEFAULTS.attachMaxBytes), '2026-10');
    expect(workbooksIn(mail)).toEqual([]);
    expect(mail.body.text).toContain('/reports/');
    expect(mail.body.text).not.toContain('attached to this email');
  }, 120_000);

  it('rides along when attachMaxBytes is at least the workbook’s size', async () => {
    const mail = await mailFor(await handlerWith(7_000_000), '2026-09');
    const [workbook, ...more] = workbooksIn(mail);
    expect(more).toEqual([]);
    expect(workbook?.filename).toBe('devin-acu-chargeback-2026-09.xlsx');
    // An xlsx is a zip: "PK".
    expect(
      Buffer.from(workbook?.content ?? '', 'base64')
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(mail.body.text).toContain('attached to this email');
  }, 120_000);

  it('is left out when the workbook is larger than attachMaxBytes', async () => {
    // Forced: October was emailed by the first test.
    const mail = await mailFor(await handlerWith(1_000), '2026-10', true);
    expect(workbooksIn(mail)).toEqual([]);
  }, 120_000);
});
