import { sessionsExport } from '../chargeback/sessions-export.js';
import type { Session } from '../core/session.js';
import { writeStreamAtomically } from './write-file-atomically.js';

/** The raw sessions beside the workbook, as the Lambda stores them in S3, renamed into place whole. */
export async function writeSessionsExport(path: string, sessions: Iterable<Session>): Promise<void> {
  await writeStreamAtomically(path, sessionsExport(sessions));
}
