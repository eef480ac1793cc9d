import { describe, expect, it } from 'vitest';
import { s3ConsoleUrl } from '#aws/s3-console-url.js';

describe('s3ConsoleUrl', () => {
  it('opens the object page in the bucket’s region', () => {
    expect(s3ConsoleUrl('eu-central-1', 'finance-reports', 'reports/monthly/2026/a b.xlsx')).toBe(
      'https://eu-central-1.console.aws.amazon.com/s3/object/finance-reports?region=eu-central-1&bucketType=general&prefix=reports%2Fmonthly%2F2026%2Fa+b.xlsx',
    );
  });

  it('uses the console of the China and GovCloud partitions', () => {
    expect(s3ConsoleUrl('cn-north-1', 'b', 'k')).toMatch(
      /^https:\/\/console\.amazonaws\.cn\/s3\/object\/b\?/,
    );
    expect(s3ConsoleUrl('us-gov-west-1', 'b', 'k')).toMatch(
      /^https:\/\/console\.amazonaws-us-gov\.com\/s3\/object\/b\?/,
    );
  });
});
