import type { ObjectStoreOperation } from './object-store.js';

/** A read or write of the folder store failed: names the file, the key and what was being done. */
export class FolderStoreError extends Error {
  override readonly name = 'FolderStoreError';
  readonly path: string;
  readonly key: string;
  readonly operation: ObjectStoreOperation;
  /** Which attempt failed, when there were several. */
  readonly attempt: number | undefined;

  constructor(
    message: string,
    context: { path: string; key: string; operation: ObjectStoreOperation; attempt?: number },
    options?: { cause?: unknown },
  ) {
    const attempt = context.attempt === undefined ? '' : `, attempt ${context.attempt}`;
    super(`${message} (${context.operation} ${context.path}${attempt})`, options);
    this.path = context.path;
    this.key = context.key;
    this.operation = context.operation;
    this.attempt = context.attempt;
  }
}
