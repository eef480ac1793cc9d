// The report function with JOURNAL_FORMATS set, against the S3 emulator and the fake Devin API: the
// formats are written beside the generic journal under their documented keys, each is in the close
// record with the SHA-256 of the stored object, and erp-mapping.csv is read from beside the map.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { DEMO_COST_CENTRES_FILE, DEMO_ERP_MAPPING_FILE } from '#cli/demo-cost-centres.js';
import { parseCloseRecord } from '#close/close-record.js';
import { GL_INTERFACE_FILE } from '#journal-formats/oracle-fbdi.js';
import { readCsv } from '../journal-formats/read-format-file.js';
import { useReportFunction } from '../support/report-function-harness.js';
import { zipEntries } from '../support/zip-entries.js';

const BUCKET = 'chargeback-journal-formats';
const OCTOBER = 'reports/monthly/2026/devin-acu-chargeback-2026-10';
const harness = useReportFunction({
  apiKey: 'apk_user_journal_formats_secret_5512',
  bucket: BUCKET,
  seed: 29,
  sessions: 150,
  from: new Date('2026-10-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
  env: { JOURNAL_FORMATS: 'oracle-fbdi,netsuite', CREDIT_ACCOUNT: '2100;UK01=2150' },
});

describe('journal formats in the Lambda', () => {
  it('closes October with NetSuite and Oracle FBDI files beside the generic journal, each in the close record', async () => {
    const { handler, bucket } = harness();
    for (const [key, file] of [
      ['reports/config/cost-centres.csv', DEMO_COST_CENTRES_FILE],
      ['reports/config/erp-mapping.csv', DEMO_ERP_MAPPING_FILE],
    ] as const) {
      await bucket.s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: key,
          ContentType: 'text/csv',
          Body: await readFile(file),
        }),
      );
    }
    await handler({ month: '2026-10', close: true, email: false });

    const record = parseCloseRecord(
      JSON.parse((await bucket.bytes(`${OCTOBER}.close.json`)).toString('utf8')),
      'close',
    );
    const formats = Object.entries(record.artifacts).filter(([role]) => role.startsWith('journal:'));
    expect(formats.length).toBeGreaterThanOrEqual(2);
    expect(formats.map(([, a]) => a.key)).toContain(`${OCTOBER}.journal.oracle-fbdi.zip`);
    for (const [role, artifact] of formats) {
      expect(artifact.key, role).toMatch(
        /^reports\/monthly\/2026\/devin-acu-chargeback-2026-10\.journal\.(netsuite\.[A-Z0-9]+\.csv|oracle-fbdi\.zip)$/,
      );
    }
    for (const artifact of Object.values(record.artifacts)) {
      const sha = createHash('sha256')
        .update(await bucket.bytes(artifact.key))
        .digest('hex');
      expect(sha, artifact.key).toBe(artifact.sha256);
    }
    expect(record.artifacts.erpMapping?.key).toBe(`${OCTOBER}.erp-mapping.csv`);
    const zip = await bucket.s3.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: `${OCTOBER}.journal.oracle-fbdi.zip` }),
    );
    expect(zip.ContentType).toBe('application/zip');
    const rows = readCsv(
      zipEntries(await bucket.bytes(`${OCTOBER}.journal.oracle-fbdi.zip`)).get(GL_INTERFACE_FILE) ??
        Buffer.alloc(0),
    ).rows;
    const generic = readCsv(await bucket.bytes(`${OCTOBER}.journal.csv`)).rows.slice(1);
    expect(rows.length).toBe(generic.length);
    expect(rows.every((r) => r[0] === 'NEW' && r[7] === 'A')).toBe(true);
    // summary.json names them: what the link page lists.
    const summary = JSON.parse((await bucket.bytes(`${OCTOBER}.summary.json`)).toString('utf8')) as {
      journal: { formatFiles: string[] };
    };
    expect(summary.journal.formatFiles).toEqual(
      formats.map(([, a]) => a.key.slice(a.key.lastIndexOf('/') + 1)),
    );
  }, 180_000);
});
