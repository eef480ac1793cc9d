import type { Acus } from '../money/acus.js';
import type { OrgGroup } from './group-sessions.js';
import { byText } from './rank.js';

/** A named user's session ACUs in the period, over all orgs, and the org they mostly worked in. */
export interface UserSessions {
  readonly acus: Acus;
  /** The org with the most of the user's session ACUs; ties go to the lower org id. */
  readonly orgId: string;
}

/**
 * The bill counts a user's ACUs once, across orgs; the report shows a user
 * under one org. The org where the user spent most is where finance expects
 * to find them.
 */
export function primaryOrgs(orgs: Iterable<OrgGroup>): Map<string, UserSessions> {
  const found = new Map<string, { acus: Acus; orgId: string; orgAcus: Acus }>();
  for (const org of orgs) {
    for (const user of org.users.values()) {
      if (user.userId === null) continue;
      const entry = found.get(user.userId);
      if (entry === undefined) {
        found.set(user.userId, { acus: user.acus, orgId: org.orgId, orgAcus: user.acus });
        continue;
      }
      entry.acus += user.acus;
      if (user.acus > entry.orgAcus || (user.acus === entry.orgAcus && byText(org.orgId, entry.orgId) < 0)) {
        entry.orgId = org.orgId;
        entry.orgAcus = user.acus;
      }
    }
  }
  return found;
}
