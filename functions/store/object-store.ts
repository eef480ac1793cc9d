import type { Readable } from 'node:stream';

/*
 * The one store port (issue 27, item 3): every record, claim, marker and artifact of a period is
 * written and read through it, in a bucket (s3-object-store.ts) or a folder
 * (folder-object-store.ts). Keys are `/`-separated and relative: an S3 key, or a path under the
 * folder. Both adapters pass the same contract test (test/store/object-store.contract.test.ts).
 *
 * Lost answers (issue 27, finding 5). A conditional write can succeed while its answer is lost:
 * the SDK then retries it, and the retry is answered 412 by the write it made itself, so
 * `putIfAbsent` says 'exists' and `replaceIfUnchanged` says false although this caller won; or the
 * SDK gives up and the call throws, although the object was written. The port does not guess:
 * a caller whose body names it (a run id) resolves both cases by reading the object back, with
 * `putIfAbsentReadBack` / `replaceIfUnchangedReadBack` (conditional-write.ts).
 */

/** What a store keeps: text is stored as its UTF-8 bytes. */
export type ObjectBody = string | Uint8Array;

/** What `put` takes besides: a stream (a gzip of many MB, a workbook file), never held whole in memory. */
export type PutBody = ObjectBody | Readable;

/** How an S3 object is served (ignored in a folder, where the file's name says it all). */
export interface ObjectMeta {
  readonly contentType?: string | undefined;
  /** The name a browser saves the download under. */
  readonly fileName?: string | undefined;
  /** e.g. 'gzip' for the raw sessions file. */
  readonly contentEncoding?: string | undefined;
  readonly metadata?: Readonly<Record<string, string>> | undefined;
}

/** One object as read, with the version a `replaceIfUnchanged` is conditioned on. */
export interface StoredVersion {
  readonly bytes: Uint8Array;
  /**
   * Opaque; changes whenever the object is written with other bytes. The S3 ETag, or the SHA-256
   * of a file's bytes: like an ETag, rewriting the same bytes gives the same version.
   */
  readonly version: string;
  /** When it was last written (S3 LastModified, the file's mtime), when the store says. */
  readonly modifiedAt: Date | undefined;
  /** The bytes as UTF-8 text. */
  text(): string;
}

/** SHA-256 and size of an object as stored, read as a stream (a workbook never sits whole in memory). */
export interface ObjectFingerprint {
  readonly sha256: string;
  readonly bytes: number;
}

export interface ObjectStore {
  /** 's3' or 'folder': what `location` names. */
  readonly kind: 's3' | 'folder';
  /** For messages and results: `s3://bucket/key`, or the file's absolute path. */
  location(key: string): string;
  /** The object with its version, or undefined when there is none. */
  get(key: string): Promise<StoredVersion | undefined>;
  /** Writes the object whole, whatever is there; a reader sees the old bytes or the new, never a mix. */
  put(key: string, body: PutBody, meta?: ObjectMeta): Promise<void>;
  /**
   * Writes only if there is no object at `key` (S3 `If-None-Match: *`; a hard link in a folder):
   * of N racing callers exactly one gets 'written'. 'exists' may be this caller's own write whose
   * answer was lost (see the note at the top).
   */
  putIfAbsent(key: string, body: ObjectBody, meta?: ObjectMeta): Promise<'written' | 'exists'>;
  /**
   * Writes only if the object is still at `version` (S3 `If-Match` on the ETag; in a folder an
   * atomic rename under a lock of that version): of N racing callers with one version exactly one
   * gets true. False when the object changed or is gone.
   */
  replaceIfUnchanged(key: string, body: ObjectBody, version: string, meta?: ObjectMeta): Promise<boolean>;
  /** Every key that starts with `prefix`, sorted; the store's own scratch and lock files are never listed. */
  list(prefix: string): Promise<string[]>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /**
   * S3 only: a second key for an object already stored, copied inside the store with how it is
   * served, so its bytes do not travel from the function twice. A store without it is written
   * the bytes again.
   */
  copy?(from: string, to: string): Promise<void>;
  /** The object's SHA-256 and size as stored; a missing object is an error naming it. */
  fingerprint(key: string): Promise<ObjectFingerprint>;
  /**
   * This store's typed error about `key` (S3: ReportStoreError with bucket and key; a folder:
   * FolderStoreError with the path), for what a caller finds wrong in an object it read.
   */
  failure(message: string, key: string, operation: ObjectStoreOperation, cause?: unknown): Error;
}

/** What a store was doing when it failed: the stage an error names. */
export type ObjectStoreOperation =
  | 'get'
  | 'put'
  | 'put-if-absent'
  | 'replace-if-unchanged'
  | 'list'
  | 'delete'
  | 'fingerprint';

/** The bytes of a body, for hashing and comparing. */
export function bodyBytes(body: ObjectBody): Uint8Array {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

/** Whether two bodies are the same bytes. */
export function sameBytes(a: ObjectBody, b: ObjectBody): boolean {
  return Buffer.from(bodyBytes(a)).equals(bodyBytes(b));
}

/** A {@link StoredVersion} over bytes already read. */
export function storedVersion(
  bytes: Uint8Array,
  version: string,
  modifiedAt: Date | undefined,
): StoredVersion {
  return { bytes, version, modifiedAt, text: () => Buffer.from(bytes).toString('utf8') };
}
