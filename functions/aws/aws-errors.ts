/** What the report store was doing when S3 failed; names the stage in the handler's error. */
export type ReportStoreOperation =
  | 'put-object'
  | 'copy-object'
  | 'get-object'
  | 'delete-object'
  | 'list-objects'
  | 'abort-upload'
  | 'claim-marker'
  | 'sign-link';

/** An S3 read or write of the report, its side files or the email marker failed. */
export class ReportStoreError extends Error {
  override readonly name = 'ReportStoreError';
  readonly bucket: string;
  readonly key: string;
  readonly operation: ReportStoreOperation;
  /** Which attempt of a retried conditional write failed, when there were several. */
  readonly attempt: number | undefined;

  constructor(
    message: string,
    context: { bucket: string; key: string; operation: ReportStoreOperation; attempt?: number },
    options?: { cause?: unknown },
  ) {
    const attempt = context.attempt === undefined ? '' : `, attempt ${context.attempt}`;
    super(`${message} (${context.operation} s3://${context.bucket}/${context.key}${attempt})`, options);
    this.bucket = context.bucket;
    this.key = context.key;
    this.operation = context.operation;
    this.attempt = context.attempt;
  }
}

/** SES refused or failed to send the report email. */
export class EmailSendError extends Error {
  override readonly name = 'EmailSendError';
  /** How many recipients the message was addressed to (the addresses stay out of logs). */
  readonly recipientCount: number;
  /**
   * The message reached SES and its answer was lost (a dropped connection, a timeout): it may
   * have been delivered, so sending it again may email twice. False when SES answered with an
   * error, could not be reached, or the message was refused before the call.
   */
  readonly mayHaveBeenSent: boolean;

  constructor(
    message: string,
    context: { recipientCount: number; mayHaveBeenSent?: boolean },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.recipientCount = context.recipientCount;
    this.mayHaveBeenSent = context.mayHaveBeenSent ?? false;
  }
}

/**
 * The Devin API key could not be read from Secrets Manager. Never carries the
 * secret's value, not even inside `cause`.
 */
export class DevinKeySecretError extends Error {
  override readonly name = 'DevinKeySecretError';
  readonly secretId: string;

  constructor(message: string, context: { secretId: string }, options?: { cause?: unknown }) {
    super(message, options);
    this.secretId = context.secretId;
  }
}

/** One line for an error message: the SDK's exception name says more than its text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
