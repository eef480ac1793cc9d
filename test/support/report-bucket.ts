import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { AwsEmulators } from './aws-emulators.js';

/** The report bucket in the S3 emulator, as a test reads it back after the handler ran. */
export interface ReportBucket {
  readonly s3: S3Client;
  bytes(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
  /** Every key in the bucket, sorted. */
  keys(): Promise<string[]>;
}

export function reportBucket(aws: AwsEmulators, bucket: string): ReportBucket {
  const s3 = new S3Client({
    endpoint: aws.s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    s3,
    async bytes(key) {
      const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await (response.Body?.transformToByteArray() ?? Promise.resolve(new Uint8Array())));
    },
    async exists(key) {
      try {
        await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch {
        return false;
      }
    },
    async keys() {
      const found: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        for (const object of page.Contents ?? []) if (object.Key) found.push(object.Key);
        token = page.NextContinuationToken;
      } while (token);
      return found.sort();
    },
  };
}
