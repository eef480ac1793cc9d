import type { Acus } from '../money/acus.js';
import type { OrgTotal } from './chargeback-report.js';
import { byAmountDescending, byText } from './rank.js';

/** People in the Top users tables (report, slices, email): enough to show who drives the cost. */
export const TOP_USERS = 10;

/** One person's share in one org. */
export interface PersonInOrg {
  readonly orgId: string;
  readonly orgName: string | null;
  readonly sessions: number;
  readonly acus: Acus;
  readonly costMinor: bigint;
}

/** A named user across every org they worked in: By User shows them once per org, this once. */
export interface PersonTotal {
  readonly userId: string;
  readonly userName: string | null;
  readonly email: string | null;
  readonly sessions: number;
  readonly acus: Acus;
  readonly costMinor: bigint;
  /** By ACUs descending, then org id. */
  readonly orgs: readonly PersonInOrg[];
}

/**
 * People ranked by their total over all orgs (ACUs, then user id): the Top
 * users table and the Reconciliation user table then rank the same person the
 * same way. The sessions with no user are nobody and are left out.
 */
export function peopleOf(orgs: readonly OrgTotal[]): PersonTotal[] {
  const people = new Map<string, { person: Omit<PersonTotal, 'orgs'>; orgs: PersonInOrg[] }>();
  for (const org of orgs) {
    for (const user of org.users) {
      if (user.userId === null) continue;
      const share: PersonInOrg = {
        orgId: org.orgId,
        orgName: org.orgName,
        sessions: user.sessions,
        acus: user.acus,
        costMinor: user.costMinor,
      };
      const found = people.get(user.userId);
      if (found === undefined) {
        people.set(user.userId, {
          person: {
            userId: user.userId,
            userName: user.userName,
            email: user.email,
            sessions: user.sessions,
            acus: user.acus,
            costMinor: user.costMinor,
          },
          orgs: [share],
        });
        continue;
      }
      const { person } = found;
      found.person = {
        ...person,
        sessions: person.sessions + user.sessions,
        acus: person.acus + user.acus,
        costMinor: person.costMinor + user.costMinor,
      };
      found.orgs.push(share);
    }
  }
  return [...people.values()]
    .map(({ person, orgs: shares }) => ({
      ...person,
      orgs: shares.sort((a, b) => byAmountDescending(a.acus, b.acus) || byText(a.orgId, b.orgId)),
    }))
    .sort((a, b) => byAmountDescending(a.acus, b.acus) || byText(a.userId, b.userId));
}

/**
 * "Payments" for one org; "Payments 12.00 ACUs, Growth 3.00 ACUs" for several,
 * so the per-org split behind a person's total is visible where the total is.
 */
export function orgSplitText(
  person: Pick<PersonTotal, 'orgs'>,
  nameOf: (org: PersonInOrg) => string,
  acusText: (acus: Acus) => string,
): string {
  if (person.orgs.length === 1 && person.orgs[0] !== undefined) return nameOf(person.orgs[0]);
  return person.orgs.map((org) => `${nameOf(org)} ${acusText(org.acus)} ACUs`).join(', ');
}
