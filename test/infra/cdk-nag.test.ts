import { Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildStack } from './support/build-stack.js';

const SYNTH_TIMEOUT = 120_000;

function findings(root: IConstruct): string[] {
  return new AwsSolutionsChecks(root)
    .validateScope(root)
    .violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`),
    );
}

function acknowledgements(root: IConstruct): { id: string; reason: string; path: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          id,
          reason,
          path: c.node.path,
        })),
      )
      // This pack's only: the NIST 800-53 R5 acknowledgements are read by nist-800-53.test.ts.
      .filter((a) => a.id.replace(/^Annotation::/, '').startsWith('AwsSolutions-')),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it(
    'finds nothing unacknowledged in the default stack, nor with distributedRuns on',
    () => {
      expect(findings(buildStack().app)).toEqual([]);
      expect(findings(buildStack({ distributedRuns: 'true' }).app)).toEqual([]);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'finds nothing unacknowledged with an existing bucket and secret and an alarm e-mail',
    () => {
      const { app } = buildStack({
        bucketName: 'acme-finance-reports',
        apiKeySecret: 'devin/api-key',
        alarmEmail: 'ops@example.com',
        reportPrefix: 'devin/chargeback/',
      });
      expect(findings(app)).toEqual([]);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'finds nothing unacknowledged with the security options on (a created or an existing key, Object Lock)',
    () => {
      expect(
        findings(
          buildStack({
            encryptionKey: 'create',
            distributedRuns: 'true',
            objectLockMode: 'compliance',
            objectLockDays: '2555',
          }).app,
        ),
      ).toEqual([]);
      expect(
        findings(
          buildStack({
            encryptionKey: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          }).app,
        ),
      ).toEqual([]);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'still fails on a wildcard nobody gave a reason for',
    () => {
      const { app, stack } = buildStack();
      const fn = stack.node.findAll().find((c) => c.node.path.endsWith('/Report/Function')) as IFunction;
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::elsewhere/*'] }),
      );
      expect(findings(app)).toEqual([
        expect.stringMatching(/^error AwsSolutions-IAM5\[Resource::arn:aws:s3:::elsewhere\/\*\] at /),
      ]);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'acknowledges each finding by its exact id, with a reason a reviewer can check',
    () => {
      // With distributedRuns on (off by default), so its step functions' acknowledgements are read too.
      const acks = acknowledgements(buildStack({ distributedRuns: 'true' }).app);
      expect(acks.map((a) => a.id.replace(/^Annotation::/, '').replace(/\[.*\]$/, '[…]')).sort()).toEqual(
        [
          'AwsSolutions-IAM5[…]',
          'AwsSolutions-IAM5[…]',
          'AwsSolutions-IAM5[…]',
          'AwsSolutions-IAM5[…]',
          // The download-link service: workbooks and summaries read-only (2), its runtime, its signing secret.
          'AwsSolutions-IAM5[…]',
          'AwsSolutions-IAM5[…]',
          'AwsSolutions-L1',
          // FOCUS: the writer's partition delete, the partitions' read, the Athena results' read/write.
          'AwsSolutions-IAM5[…]',
          'AwsSolutions-IAM5[…]',
          'AwsSolutions-IAM5[…]',
          'AwsSolutions-L1',
          'AwsSolutions-S1',
          // FOCUS: the Athena results bucket.
          'AwsSolutions-S1',
          'AwsSolutions-SMG4',
          'AwsSolutions-SMG4',
          'AwsSolutions-SNS2',
          'AwsSolutions-SQS3',
          // The deployment check's SES identity and quota reads, which IAM grants only on "*".
          'AwsSolutions-IAM5[…]',
          // The distributed run: the merge role's report grants (as the report role's, 3), the
          // window's parts write (1), the merge's parts delete and FOCUS partition delete (2), the
          // state machine's invoke of the steps' versions and its X-Ray/log delivery (3); the two
          // step functions' runtime pin.
          ...Array.from({ length: 9 }, () => 'AwsSolutions-IAM5[…]'),
          'AwsSolutions-L1',
          'AwsSolutions-L1',
        ].sort(),
      );
      for (const ack of acks) expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(40);
    },
    SYNTH_TIMEOUT,
  );
});
