// Issue 27, finding 4, in the Lambda: once October is closed by calendar, a billing-day run of
// October writes preview keys under its own slug and never the FOCUS partition, and a
// billing-day close of October is refused naming the calendar record.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useReportFunction } from '../support/report-function-harness.js';

const harness = useReportFunction({
  apiKey: 'apk_user_close_alignment_secret_value_314',
  bucket: 'chargeback-close-alignment',
  seed: 4,
  sessions: 100,
  from: new Date('2026-09-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
});

describe('one record per month in the Lambda, whatever the alignment', () => {
  it('keeps a billing-day run of a calendar-closed month off its record and its partition', async () => {
    const { handler, bucket } = harness();
    const partition = async () => {
      const files: Record<string, string> = {};
      for (const key of await bucket.keys())
        if (key.includes('billing_period=2026-10/'))
          files[key] = createHash('sha256')
            .update(await bucket.bytes(key))
            .digest('hex');
      return files;
    };
    expect(await handler({ month: '2026-10', close: true, email: false })).toMatchObject({ closed: true });
    const before = await partition();
    expect(Object.keys(before).length).toBeGreaterThan(0);

    const preview = await handler({ month: '2026-10', alignment: 'billing-day', email: false });
    expect(preview.s3.key).toBe('reports/monthly/2026/devin-acu-chargeback-2026-10_billing-day.preview.xlsx');
    expect(await partition()).toEqual(before);

    await expect(handler({ month: '2026-10', alignment: 'billing-day', close: true })).rejects.toThrow(
      /October 2026 \(billing days from 08:00 UTC\) cannot be closed: October 2026 was closed under the calendar alignment .*\(reports\/monthly\/2026\/devin-acu-chargeback-2026-10\.close\.json\)/,
    );
    expect(await partition()).toEqual(before);
    expect((await bucket.keys()).filter((key) => key.endsWith('.close.json'))).toEqual([
      'reports/monthly/2026/devin-acu-chargeback-2026-10.close.json',
    ]);
  }, 240_000);

  it("refuses a first close in another alignment than the deployment's, so the schedule keeps its month", async () => {
    const { handler, bucket } = harness();
    await expect(handler({ month: '2026-09', alignment: 'billing-day', close: true })).rejects.toThrow(
      /^alignment: "billing-day" cannot be closed here: this deployment closes September 2026 in the calendar alignment/,
    );
    expect((await bucket.keys()).filter((key) => key.includes('2026-09'))).toEqual([]);
    expect(await handler({ month: '2026-09', close: true, email: false })).toMatchObject({ closed: true });
  }, 240_000);
});
