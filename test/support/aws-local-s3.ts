import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll } from 'vitest';
import { type AwsEmulators, startAwsEmulators } from './aws-emulators.js';
import { useAwsEnv } from './aws-env.js';

/**
 * For a test file about S3 alone: starts the emulators before its tests, points
 * the SDK's standard configuration at them, creates `bucket`, hands a plain
 * `new S3Client({})` to `ready`, and tears everything down afterwards.
 */
export function useLocalS3(bucket: string, ready: (s3: S3Client) => void): void {
  let emulators: AwsEmulators | undefined;
  let restoreEnv: (() => void) | undefined;
  let s3: S3Client | undefined;

  beforeAll(async () => {
    emulators = await startAwsEmulators();
    restoreEnv = useAwsEnv(emulators.env);
    s3 = new S3Client({});
    await emulators.s3.createBucket(bucket);
    ready(s3);
  });

  afterAll(async () => {
    s3?.destroy();
    restoreEnv?.();
    await emulators?.stop();
  });
}
