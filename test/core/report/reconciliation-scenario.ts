import { monthPeriod } from '#core/period/month-period.js';
import type { Directory } from '#core/report/directory.js';
import type { Session } from '#core/session.js';
import { billedConsumption } from './billed-fixture.js';
import { session } from './session-fixture.js';

/*
 * October 2026 (UTC) by sessions and by the bill, worked out by hand:
 *
 *   sessions                          session ACUs      bill                    billed ACUs
 *   s1 org-a user-1   10.5                              org-a                    13
 *   s2 org-a user-2    3.25 (updated 3 Nov)             org-b                     4.5
 *   s3 org-b user-1    2                                org-d (no sessions)       2
 *   s4 org-c user-3    1.5   (org-c billed nothing)     Σ by org                 19.5
 *   s5 org-a no user   0.75                             total                    25.125
 *   total             18                                no org: 25.125 − 19.5 =  5.625
 *
 *   by user: user-1 12.5 (10.5 in org-a, 2 in org-b), user-2 3.25, user-3 1.5, no user 0.75
 *   billed by user: user-1 14, user-2 2.5, user-4 3 (no sessions); Σ 19.5, no user 5.625
 */
export const OCTOBER = monthPeriod('2026-10', 'UTC', new Date('2027-01-01T00:00:00Z'));

export const SESSIONS: readonly Session[] = [
  session({ sessionId: 's1', orgId: 'org-a', userId: 'user-1', acus: 10.5 }),
  session({
    sessionId: 's2',
    orgId: 'org-a',
    userId: 'user-2',
    acus: 3.25,
    status: 'suspended',
    updatedAt: new Date('2026-11-03T10:00:00Z'),
  }),
  session({ sessionId: 's3', orgId: 'org-b', userId: 'user-1', acus: 2 }),
  session({ sessionId: 's4', orgId: 'org-c', userId: 'user-3', acus: 1.5 }),
  session({ sessionId: 's5', orgId: 'org-a', userId: null, acus: 0.75 }),
];

export const BILL = billedConsumption({
  totalAcus: 25.125,
  byOrg: { 'org-a': 13, 'org-b': 4.5, 'org-d': 2 },
  byUser: { 'user-1': 14, 'user-2': 2.5, 'user-4': 3 },
});

export const DIRECTORY: Directory = {
  orgNames: new Map([
    ['org-a', 'Alpha'],
    ['org-d', 'Delta'],
  ]),
  users: new Map([
    ['user-1', { name: 'Ann Lee', email: 'ann@example.com' }],
    ['user-4', { name: 'Dee Cascade', email: null }],
  ]),
  sources: { orgs: { available: true }, users: { available: true } },
};
