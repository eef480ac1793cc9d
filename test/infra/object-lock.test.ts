import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../infra/config.js';
import { buildStack } from './support/build-stack.js';

const SYNTH_TIMEOUT = 120_000;

interface Bucket {
  readonly Properties: Record<string, unknown>;
}

function buckets(context: Record<string, unknown>): [string, Bucket][] {
  return Object.entries(Template.fromStack(buildStack(context).stack).findResources('AWS::S3::Bucket')) as [
    string,
    Bucket,
  ][];
}

function configProblems(context: Record<string, unknown>): string[] {
  try {
    buildStack(context);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `${p.key}: ${p.message}`);
  }
  throw new Error('expected a ConfigError');
}

// Issue 31 item 5: closed records under S3 Object Lock, as a bucket default retention.
describe('objectLockMode / objectLockDays', () => {
  it.each([
    ['governance', 'GOVERNANCE', 2555],
    ['compliance', 'COMPLIANCE', 400],
    ['Compliance', 'COMPLIANCE', 1],
  ])(
    'objectLockMode=%s locks every new version of the report bucket by default, nothing else',
    (mode, expected, days) => {
      const all = buckets({ objectLockMode: mode, objectLockDays: String(days) });
      const reports = all.find(([id]) => id.startsWith('ReportBucketReports'))?.[1];
      expect(reports?.Properties).toMatchObject({
        ObjectLockEnabled: true,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: expected, Days: days } },
        },
        // Object Lock needs versioning, which the bucket has anyway.
        VersioningConfiguration: { Status: 'Enabled' },
      });
      // The access-log bucket cannot be a locked bucket (S3 refuses log delivery to one), nor need it be.
      for (const [id, bucket] of all.filter(([bucketId]) => !bucketId.startsWith('ReportBucketReports'))) {
        expect(bucket.Properties.ObjectLockEnabled, id).toBeUndefined();
      }
    },
    SYNTH_TIMEOUT,
  );

  it(
    'is off by default',
    () => {
      for (const [id, bucket] of buckets({})) {
        expect(bucket.Properties.ObjectLockEnabled, id).toBeUndefined();
        expect(bucket.Properties.ObjectLockConfiguration, id).toBeUndefined();
      }
    },
    SYNTH_TIMEOUT,
  );

  it('refuses a mode without days, and days without a mode', () => {
    expect(configProblems({ objectLockMode: 'governance' })).toEqual([
      'objectLockDays: is required with objectLockMode=governance: the days each object version is kept locked',
    ]);
    expect(configProblems({ objectLockDays: '30' })).toEqual([
      'objectLockMode: is required with objectLockDays: governance or compliance',
    ]);
  });

  it('refuses a mode or a number of days S3 would not take', () => {
    expect(configProblems({ objectLockMode: 'legal-hold', objectLockDays: '30' })).toEqual([
      'objectLockMode: must be governance or compliance (or left out: no Object Lock)',
    ]);
    expect(configProblems({ objectLockMode: 'compliance', objectLockDays: '0' })).toEqual([
      'objectLockDays: must be a whole number of days from 1 to 36500',
    ]);
  });

  it('refuses Object Lock on an existing bucket, which the stack cannot change', () => {
    expect(
      configProblems({ objectLockMode: 'compliance', objectLockDays: '2555', bucketName: 'acme-finance' }),
    ).toEqual([
      'objectLockMode: cannot be set with bucketName=acme-finance: the stack does not manage an existing bucket, ' +
        "so it cannot turn on its Object Lock; set that bucket's default retention yourself, or leave bucketName out",
    ]);
  });
});
