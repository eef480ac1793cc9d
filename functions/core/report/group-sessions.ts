import { GrowingBigInt64Column, GrowingInt32Column } from '../growing-column.js';
import type { Acus } from '../money/acus.js';
import type { PrincipalKind, Session } from '../session.js';

/** Running sessions count and ACUs of one group; mutable only while grouping. */
export interface Tally {
  sessions: number;
  acus: Acus;
}

export interface UserGroup extends Tally {
  readonly orgId: string;
  readonly userId: string | null;
  /** A person or a service user, as the group's sessions say. */
  readonly kind: PrincipalKind;
  /** Position in `SessionGroups.users`, the key of `sessionUser`. */
  readonly ordinal: number;
}

export interface OrgGroup extends Tally {
  readonly orgId: string;
  readonly users: Map<string | null, UserGroup>;
}

/** Every grouping the report needs, from one pass over the sessions. */
export interface SessionGroups {
  readonly total: Tally;
  readonly orgs: Map<string, OrgGroup>;
  readonly users: UserGroup[];
  /** For each session (same index as the input), the ordinal of its user group. */
  readonly sessionUser: Int32Array;
  /** For each session, its ACUs: with `sessionUser`, all that allocating cents needs, so no session is kept. */
  readonly sessionAcus: BigInt64Array;
  /** Keyed by tag; null is the group of untagged sessions. */
  readonly tags: Map<string | null, Tally>;
  readonly statuses: Map<string, Tally>;
}

/**
 * One pass, a few map look-ups per session and no object per session: the
 * Lambda must group a million sessions in seconds.
 */
export function groupSessions(sessions: Iterable<Session>): SessionGroups {
  const sessionUser = new GrowingInt32Column();
  const sessionAcus = new GrowingBigInt64Column();
  const grouping: Omit<SessionGroups, 'sessionUser' | 'sessionAcus'> = {
    total: { sessions: 0, acus: 0n },
    orgs: new Map(),
    users: [],
    tags: new Map(),
    statuses: new Map(),
  };
  for (const session of sessions) {
    const { acus } = session;
    const user = userGroup(grouping, orgGroup(grouping, session.orgId), session.userId, session.userKind);
    count(user, acus);
    sessionUser.push(user.ordinal);
    sessionAcus.push(acus);
    count(tally(grouping.statuses, session.status), acus);
    countTags(grouping.tags, session.tags, acus);
  }
  const groups: SessionGroups = {
    ...grouping,
    sessionUser: sessionUser.done(),
    sessionAcus: sessionAcus.done(),
  };
  // Orgs and the total are sums of their users, not counted per session:
  // a BigInt addition costs about as much as a map look-up, and a million of
  // them show. It also makes the org and user figures agree by construction.
  for (const org of groups.orgs.values()) {
    for (const user of org.users.values()) add(org, user);
    add(groups.total, org);
  }
  return groups;
}

function add(target: Tally, part: Tally): void {
  target.sessions += part.sessions;
  target.acus += part.acus;
}

function orgGroup(groups: Pick<SessionGroups, 'orgs'>, orgId: string): OrgGroup {
  let org = groups.orgs.get(orgId);
  if (org === undefined) {
    org = { orgId, sessions: 0, acus: 0n, users: new Map() };
    groups.orgs.set(orgId, org);
  }
  return org;
}

function userGroup(
  groups: Pick<SessionGroups, 'users'>,
  org: OrgGroup,
  userId: string | null,
  kind: PrincipalKind = 'user',
): UserGroup {
  let user = org.users.get(userId);
  if (user === undefined) {
    user = { orgId: org.orgId, userId, kind, ordinal: groups.users.length, sessions: 0, acus: 0n };
    org.users.set(userId, user);
    groups.users.push(user);
  }
  return user;
}

/** A session counts once under each distinct tag it carries, or once as untagged. */
function countTags(tags: Map<string | null, Tally>, sessionTags: readonly string[], acus: Acus): void {
  if (sessionTags.length === 0) {
    count(tally(tags, null), acus);
    return;
  }
  for (let j = 0; j < sessionTags.length; j++) {
    const tag = sessionTags[j];
    // A tag listed twice on one session still counts that session once.
    if (tag === undefined || (j > 0 && sessionTags.indexOf(tag) < j)) continue;
    count(tally(tags, tag), acus);
  }
}

function tally<K>(map: Map<K, Tally>, key: K): Tally {
  let found = map.get(key);
  if (found === undefined) {
    found = { sessions: 0, acus: 0n };
    map.set(key, found);
  }
  return found;
}

function count(target: Tally, acus: Acus): void {
  target.sessions += 1;
  target.acus += acus;
}
