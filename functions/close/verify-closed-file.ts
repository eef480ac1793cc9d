import { createHash } from 'node:crypto';
import type { CloseArtifact, CloseRecord } from './close-record.js';

/** A file a closed period's record names, as read back from the folder or the bucket. */
export interface ClosedFile {
  /** Where it was read: an absolute path, or `s3://bucket/key`. */
  readonly where: string;
  readonly bytes: Uint8Array;
}

export class CloseRecordMismatchError extends Error {
  override readonly name = 'CloseRecordMismatchError';
  constructor(
    /** The file that does not match: a path or an `s3://` URI. */
    readonly where: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
    readonly period: string,
  ) {
    super(
      `${where} has SHA-256 ${actualSha256}, not the ${expectedSha256} that ${period}'s close record names; it is not the file the period was closed with, so nothing that trusts it is posted`,
    );
  }
}

/**
 * The bytes of `file`, once they are the ones `artifact` of `record` names: anything a later run
 * reads of a closed period (its sessions export, its map, its summary.json) is checked against
 * the SHA-256 its close wrote, so an edited or replaced file is refused, never trusted.
 */
export function verifiedClosedFile(
  record: CloseRecord,
  artifact: CloseArtifact,
  file: ClosedFile,
): Uint8Array {
  const actual = createHash('sha256').update(file.bytes).digest('hex');
  if (actual !== artifact.sha256)
    throw new CloseRecordMismatchError(file.where, artifact.sha256, actual, record.period.slug);
  return file.bytes;
}
