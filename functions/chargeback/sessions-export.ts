import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { ACU_DECIMALS, scaledToDecimalString } from '#core/money/acus.js';
import type { Session } from '#core/session.js';

/**
 * The sessions a report was built from, as gzipped JSON, for audit and later
 * comparison. Streamed a few hundred sessions at a time: a 500,000-session
 * month must not be held as one string. ACUs are exact decimal strings.
 */
export function sessionsExport(sessions: Iterable<Session>): Readable {
  return Readable.from(sessionChunks(sessions)).pipe(createGzip());
}

function* sessionChunks(sessions: Iterable<Session>): Generator<string> {
  const batch = 500;
  yield '[';
  let parts: string[] = [];
  let first = true;
  for (const s of sessions) {
    parts.push(JSON.stringify(sessionRecord(s)));
    if (parts.length === batch) {
      yield `${first ? '\n' : ',\n'}${parts.join(',\n')}`;
      first = false;
      parts = [];
    }
  }
  if (parts.length > 0) yield `${first ? '\n' : ',\n'}${parts.join(',\n')}`;
  yield '\n]\n';
}

function sessionRecord(s: Session) {
  return {
    session_id: s.sessionId,
    org_id: s.orgId,
    user_id: s.userId,
    ...(s.userKind === 'service-user' && { user_kind: 'service-user' }),
    status: s.status,
    title: s.title,
    tags: s.tags,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
    acus_consumed: s.acusReported ? scaledToDecimalString(s.acus, ACU_DECIMALS) : null,
    url: s.url,
    pull_requests: s.pullRequests,
  };
}
