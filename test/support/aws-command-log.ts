import type { S3Client } from '@aws-sdk/client-s3';

/** The names of the commands the client sends from now on (e.g. 'UploadPartCommand'), in order. */
export function recordS3Commands(client: S3Client): string[] {
  const names: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      names.push(context.commandName ?? 'unknown');
      return next(args);
    },
    // A new recording replaces the previous one on the same client.
    { step: 'initialize', name: 'testCommandLog', override: true },
  );
  return names;
}
