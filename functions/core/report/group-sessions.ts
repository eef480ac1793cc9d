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
  /**
   * For each session, its status's position in `statusNames` times two, plus one when it was
   * still active at the period's end: what the per-status cents and the provisional figures need.
   */
  readonly sessionStatus: Int32Array;
  readonly statusNames: readonly string[];
  /** For each session, the position of its distinct tags in `tagSets` (an empty set: untagged). */
  readonly sessionTagSet: Int32Array;
  readonly tagSets: readonly (readonly string[])[];
  /** Sessions created in the period and still active after it. */
  readonly carriedOut: number;
  /** Keyed by tag; null is the group of untagged sessions. */
  readonly tags: Map<string | null, Tally>;
  readonly statuses: Map<string, Tally>;
}

/**
 * One pass, a few map look-ups per session and no object per session: the
 * Lambda must group a million sessions in seconds.
 */
export function groupSessions(sessions: Iterable<Session>, period: { readonly to: Date }): SessionGroups {
  const end = period.to.getTime();
  const sessionUser = new GrowingInt32Column();
  const sessionAcus = new GrowingBigInt64Column();
  const sessionStatus = new GrowingInt32Column();
  const sessionTagSet = new GrowingInt32Column();
  const statusOrdinals = new Map<string, number>();
  const tagSetOrdinals = new Map<string, number>();
  const tagSets: (readonly string[])[] = [];
  let carriedOut = 0;
  const grouping: Omit<SessionGroups, PerSessionFacts> = {
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
    const active = session.updatedAt.getTime() >= end;
    if (active) carriedOut += 1;
    sessionStatus.push(ordinalOf(statusOrdinals, session.status) * 2 + (active ? 1 : 0));
    count(tally(grouping.statuses, session.status), acus);
    const distinctTags = countTags(grouping.tags, session.tags, acus);
    const tagKey = distinctTags.join('\u0000');
    let tagSet = tagSetOrdinals.get(tagKey);
    if (tagSet === undefined) {
      tagSet = tagSets.push(distinctTags) - 1;
      tagSetOrdinals.set(tagKey, tagSet);
    }
    sessionTagSet.push(tagSet);
  }
  const groups: SessionGroups = {
    ...grouping,
    sessionUser: sessionUser.done(),
    sessionAcus: sessionAcus.done(),
    sessionStatus: sessionStatus.done(),
    statusNames: [...statusOrdinals.keys()],
    sessionTagSet: sessionTagSet.done(),
    tagSets,
    carriedOut,
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

type PerSessionFacts =
  | 'sessionUser'
  | 'sessionAcus'
  | 'sessionStatus'
  | 'statusNames'
  | 'sessionTagSet'
  | 'tagSets'
  | 'carriedOut';

/** A session counts once under each distinct tag it carries, or once as untagged; returns those tags. */
function countTags(
  tags: Map<string | null, Tally>,
  sessionTags: readonly string[],
  acus: Acus,
): readonly string[] {
  if (sessionTags.length === 0) {
    count(tally(tags, null), acus);
    return sessionTags;
  }
  let distinct: string[] | null = null;
  for (let j = 0; j < sessionTags.length; j++) {
    const tag = sessionTags[j];
    if (tag === undefined) continue;
    // A tag listed twice on one session still counts that session once.
    if (j > 0 && sessionTags.indexOf(tag) < j) {
      distinct ??= sessionTags.slice(0, j);
      continue;
    }
    distinct?.push(tag);
    count(tally(tags, tag), acus);
  }
  return distinct ?? sessionTags;
}

function ordinalOf(ordinals: Map<string, number>, key: string): number {
  let ordinal = ordinals.get(key);
  if (ordinal === undefined) {
    ordinal = ordinals.size;
    ordinals.set(key, ordinal);
  }
  return ordinal;
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
