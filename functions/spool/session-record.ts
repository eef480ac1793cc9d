import type { PrincipalKind, PullRequest, Session } from '#core/session.js';
import { SpoolFormatError } from './spool-format-error.js';

/**
 * One session as one line of JSON: a positional array, so a spool of five
 * million sessions carries no repeated key names. ACUs are the exact scaled
 * integer (10^-12 ACU) as text, so nothing is lost to a double.
 *
 * [id, url, status, title, tags, org, user, kind, created ms, updated ms, acus | null, [[pr url, pr state]…]]
 */
type SessionRecord = [
  string,
  string | null,
  string,
  string,
  string[],
  string,
  string | null,
  0 | 1,
  number,
  number,
  string | null,
  [string, string | null][],
];

const NO_TAGS: readonly string[] = Object.freeze([]);
const NO_PULL_REQUESTS: readonly PullRequest[] = Object.freeze([]);

export function encodeSessionRecord(session: Session): string {
  const record: SessionRecord = [
    session.sessionId,
    session.url,
    session.status,
    session.title,
    session.tags as string[],
    session.orgId,
    session.userId,
    session.userKind === 'service-user' ? 1 : 0,
    session.createdAt.getTime(),
    session.updatedAt.getTime(),
    session.acusReported ? session.acus.toString() : null,
    session.pullRequests.map((pr) => [pr.url, pr.state]),
  ];
  return JSON.stringify(record);
}

/** @throws SpoolFormatError naming the line when it is not a record this module wrote */
export function decodeSessionRecord(line: string, where: { path: string; line: number }): Session {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (cause) {
    throw new SpoolFormatError(where.path, where.line, 'not JSON', { cause });
  }
  if (!Array.isArray(value) || value.length !== 12) {
    throw new SpoolFormatError(where.path, where.line, 'not a 12-field session record');
  }
  const [id, url, status, title, tags, org, user, kind, created, updated, acus, prs] = value as SessionRecord;
  if (typeof id !== 'string' || typeof org !== 'string' || typeof created !== 'number') {
    throw new SpoolFormatError(where.path, where.line, 'session id, org or created time missing');
  }
  const userKind: PrincipalKind | undefined = kind === 1 ? 'service-user' : undefined;
  return {
    sessionId: id,
    url,
    status,
    title,
    tags: tags.length === 0 ? NO_TAGS : tags,
    orgId: org,
    userId: user,
    ...(userKind && { userKind }),
    createdAt: new Date(created),
    updatedAt: new Date(updated),
    acus: acus === null ? 0n : BigInt(acus),
    acusReported: acus !== null,
    pullRequests: prs.length === 0 ? NO_PULL_REQUESTS : prs.map(([prUrl, state]) => ({ url: prUrl, state })),
  };
}
