import { Validations } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { NIST80053R5Checks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildStack } from './support/build-stack.js';

const SYNTH_TIMEOUT = 120_000;
const NIST = 'NIST.800.53.R5-';

function findings(root: IConstruct): string[] {
  return new NIST80053R5Checks(root)
    .validateScope(root)
    .violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`),
    );
}

/** Every NIST acknowledgement as `rule at construct path`, with its reason. */
function acknowledgements(root: IConstruct): { rule: string; path: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .map(([id, reason]) => ({ rule: id.replace(/^Annotation::/, ''), path: c.node.path, reason }))
      .filter((a) => a.rule.startsWith(NIST))
      .map((a) => ({
        ...a,
        rule: a.rule.slice(NIST.length),
        path: a.path.replace(/^DevinChargeback\//, ''),
      })),
  );
}

const rows = (root: IConstruct) =>
  acknowledgements(root)
    .map((a) => `${a.rule} at ${a.path}`)
    .sort();

const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** The rules a customer-managed key settles instead of acknowledging. */
const KEY_RULES = [
  'CloudWatchLogGroupEncrypted',
  'S3DefaultEncryptionKMS',
  'SNSEncryptedKMS',
  'SecretsManagerUsingKMSKey',
];

// Issue 31 item 5: the pack gave 36 errors (25 in the default stack, distributedRuns now being off).
describe('cdk-nag NIST 800-53 rev 5', () => {
  it.each([
    ['the default stack', {}],
    ['distributedRuns on', { distributedRuns: 'true' }],
    ['a created key', { encryptionKey: 'create' }],
    ['a created key and distributedRuns on', { encryptionKey: 'create', distributedRuns: 'true' }],
    ['an existing key', { encryptionKey: KEY_ARN }],
    ['Object Lock', { objectLockMode: 'governance', objectLockDays: '2555' }],
    [
      'an existing bucket and secret',
      { bucketName: 'acme-finance-reports', apiKeySecret: 'devin/api-key', alarmEmail: 'ops@example.com' },
    ],
  ])(
    'finds nothing unacknowledged with %s',
    (_name, context) => {
      expect(findings(buildStack(context).app)).toEqual([]);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'still fails on a resource nobody gave a reason for',
    () => {
      const { app, stack } = buildStack();
      new Topic(stack, 'Unreasoned');
      expect(findings(app)).toEqual([`error ${NIST}SNSEncryptedKMS at DevinChargeback/Unreasoned/Resource`]);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'acknowledges each remaining finding on its construct, with a reason a reviewer can check',
    () => {
      const { app } = buildStack();
      expect(rows(app)).toEqual(
        [
          'CloudWatchLogGroupEncrypted at DownloadLinks/Logs',
          'CloudWatchLogGroupEncrypted at Report/Logs',
          'IAMNoInlinePolicy at DownloadLinks/Role',
          'IAMNoInlinePolicy at Monthly/InvokeRole',
          'IAMNoInlinePolicy at Report/Role',
          'LambdaDLQ at DownloadLinks/Function',
          'LambdaDLQ at Report/Function',
          'LambdaFunctionPublicAccessProhibited at DownloadLinks/Function',
          'LambdaInsideVPC at DownloadLinks/Function',
          'LambdaInsideVPC at Report/Function',
          'S3BucketLoggingEnabled at Focus/Results',
          'S3BucketReplicationEnabled at Focus/Results',
          'S3BucketReplicationEnabled at ReportBucket/AccessLogs',
          'S3BucketReplicationEnabled at ReportBucket/Reports',
          'S3DefaultEncryptionKMS at Focus/Results',
          'S3DefaultEncryptionKMS at ReportBucket/AccessLogs',
          'S3DefaultEncryptionKMS at ReportBucket/Reports',
          'SNSEncryptedKMS at Alarms/Topic',
          'SecretsManagerRotationEnabled at DevinApiKey/Created',
          'SecretsManagerRotationEnabled at DownloadLinks/SigningKeys',
          'SecretsManagerUsingKMSKey at DevinApiKey/Created',
          'SecretsManagerUsingKMSKey at DownloadLinks/SigningKeys',
        ].sort(),
      );
      for (const ack of acknowledgements(buildStack({ distributedRuns: 'true' }).app)) {
        expect(ack.reason.length, `${ack.rule} at ${ack.path}`).toBeGreaterThan(60);
      }
    },
    SYNTH_TIMEOUT,
  );

  it(
    'needs fewer acknowledgements with encryptionKey: only the access-log bucket keeps SSE-S3',
    () => {
      const plain = rows(buildStack({ distributedRuns: 'true' }).app);
      const keyed = rows(buildStack({ distributedRuns: 'true', encryptionKey: 'create' }).app);
      expect(keyed.length).toBeLessThan(plain.length);
      expect(plain.filter((r) => KEY_RULES.some((rule) => r.startsWith(`${rule} `)))).toHaveLength(11);
      expect(keyed.filter((r) => KEY_RULES.some((rule) => r.startsWith(`${rule} `)))).toEqual([
        'S3DefaultEncryptionKMS at ReportBucket/AccessLogs',
      ]);
      // Everything else is the same either way.
      expect(keyed.filter((r) => !KEY_RULES.some((rule) => r.startsWith(`${rule} `)))).toEqual(
        plain.filter((r) => !KEY_RULES.some((rule) => r.startsWith(`${rule} `))),
      );
    },
    SYNTH_TIMEOUT,
  );
});
