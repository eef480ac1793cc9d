import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { ACU_DECIMALS, type Acus, decimalStringToScaled } from '#core/money/acus.js';
import type { CloseRecord } from './close-record.js';
import { type ClosedFile, verifiedClosedFile } from './verify-closed-file.js';

export { CloseRecordMismatchError } from './verify-closed-file.js';

/** One session as the sessions export holds it (functions/chargeback/sessions-export.ts writes it). */
const exportedSession = z.object({
  session_id: z.string().min(1),
  status: z.string(),
  acus_consumed: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .nullable(),
});

/** A session's figures as they stood when its period closed. */
export interface ClosedSession {
  readonly status: string;
  /** Lifetime ACUs at close (0 when the API sent none). */
  readonly acus: Acus;
  readonly settled: boolean;
}

/**
 * Every session of a closed period with its ACUs at close, from the sessions export the record
 * names: `exportBytes` are the stored object's bytes (gzipped JSON), checked against the
 * record's SHA-256 first, so a replaced or damaged export is refused rather than read.
 */
export function closedSessionAcus(
  record: CloseRecord,
  exported: Uint8Array | ClosedFile,
): ReadonlyMap<string, ClosedSession> {
  const file =
    exported instanceof Uint8Array ? { where: record.artifacts.sessions.key, bytes: exported } : exported;
  const exportBytes = verifiedClosedFile(record, record.artifacts.sessions, file);
  const rows = z.array(exportedSession).parse(JSON.parse(gunzipSync(exportBytes).toString('utf8')));
  const unsettled = new Set(record.unsettled.sessions.map((s) => s.sessionId));
  const sessions = new Map<string, ClosedSession>();
  for (const row of rows) {
    sessions.set(row.session_id, {
      status: row.status,
      acus: row.acus_consumed === null ? 0n : decimalStringToScaled(row.acus_consumed, ACU_DECIMALS),
      settled: !unsettled.has(row.session_id),
    });
  }
  return sessions;
}
