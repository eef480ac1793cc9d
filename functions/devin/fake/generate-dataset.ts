import { monthlyBillingCycles } from './billing-cycles.js';
import { billingDayOf } from './billing-day.js';
import { type CreationRhythm, creationInstant } from './creation-rhythm.js';
import { toWireInstant } from './iso-instant.js';
import { nonSessionAcus } from './non-session-acus.js';
import type { SeededRandom } from './seeded-random.js';
import { scramble32, seededRandom } from './seeded-random.js';
import { sessionTitle } from './session-titles.js';
import {
  hex8,
  pullRequestsFor,
  sessionId,
  sessionStatus,
  sessionTags,
  sessionUrl,
  skewedAcus,
} from './session-traits.js';
import type { FakeDataset, WireMember, WireOrganization, WireSession } from './wire.js';

export interface GenerateDatasetOptions {
  readonly seed: number;
  readonly sessions: number;
  /** Sessions are created in [from, to). */
  readonly from: Date;
  readonly to: Date;
  /** Default 5. */
  readonly orgs?: number;
  /** Default 8. */
  readonly usersPerOrg?: number;
  /** When in [from, to) sessions start; default `uniform`. */
  readonly rhythm?: CreationRhythm;
}

const TEAM_NAMES = [
  'Payments',
  'Mobile',
  'Data Platform',
  'Search',
  'Identity',
  'Growth',
  'Infrastructure',
  'Billing',
  'Marketplace',
  'Security',
  'Analytics',
  'Support Tools',
];
const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chen',
  'Dara',
  'Eli',
  'Femi',
  'Gita',
  'Hugo',
  'Iris',
  'Jon',
  'Kai',
  'Lena',
];
const LAST_NAMES = [
  'Abe',
  'Berg',
  'Cruz',
  'Diaz',
  'Egan',
  'Frey',
  'Gill',
  'Hale',
  'Ito',
  'Jain',
  'Khan',
  'Lund',
];

const COMPONENTS = ['billing API', 'web app', 'job worker', 'CLI', 'scheduler', 'importer'];

/** About one session in 200 reports no ACUs, as the vendor sometimes does. */
const NULL_ACUS_RATE = 0.005;
/** Non-session ACUs on a typical working day, as a share of the sessions' average day. */
const NON_SESSION_SHARE = 0.03;
const DAY_MS = 86_400_000;

interface Team {
  readonly org: WireOrganization;
  readonly weight: number;
  readonly users: readonly (readonly [string, number])[];
}

/**
 * A synthetic data set of any size, the same for the same options on every
 * machine: for tests that need thousands of sessions and for benchmarks that
 * need hundreds of thousands. Orgs and users get skewed weights so that totals
 * differ; about 0.5% of sessions have `acus_consumed: null`. Non-session ACUs, about 3 % of a
 * day's, fall on most billing days of [from, to), and monthly billing cycles from the 5th at 08:00
 * UTC cover it.
 */
export function generateDataset(options: GenerateDatasetOptions): FakeDataset {
  const { seed, sessions: count, from, to } = options;
  const orgCount = options.orgs ?? 5;
  const usersPerOrg = options.usersPerOrg ?? 8;
  checkOptions(count, from, to, orgCount, usersPerOrg);

  const random = seededRandom(seed);
  // Offsetting the serials by a seed-derived base keeps IDs distinct across seeds while staying unique within one.
  const base = scramble32(seed);
  const teams: Team[] = [];
  const members: WireMember[] = [];
  for (let o = 0; o < orgCount; o++) {
    const org = organization(random, o, base);
    const users: (readonly [string, number])[] = [];
    for (let u = 0; u < usersPerOrg; u++) {
      const member = memberOf(o * usersPerOrg + u, base);
      members.push(member);
      users.push([member.user_id, 0.2 + random.next() * 1.6]);
    }
    teams.push({ org, users, weight: 1 / (o + 1) });
  }
  const teamWeights = teams.map((team) => [team, team.weight] as const);

  const fromMs = from.getTime();
  const span = to.getTime() - fromMs;
  const sessions: WireSession[] = [];
  for (let i = 0; i < count; i++) {
    const team = random.weighted(teamWeights);
    const created = creationInstant(random, fromMs, span, options.rhythm ?? 'uniform');
    sessions.push(session(random, i + base, team, created, fromMs));
  }
  return {
    sessions,
    members,
    organizations: teams.map((team) => team.org),
    nonSessionAcus: nonSessionAcus({
      firstDay: billingDayOf(fromMs),
      lastDay: billingDayOf(to.getTime() - 1),
      typicalAcus: (NON_SESSION_SHARE * sessionAcus(sessions)) / Math.max(1, span / DAY_MS),
      seed,
    }),
    billingCycles: monthlyBillingCycles(fromMs, to.getTime()),
  };
}

function sessionAcus(sessions: readonly WireSession[]): number {
  return sessions.reduce((sum, session) => sum + (session.acus_consumed ?? 0), 0);
}

function session(
  random: SeededRandom,
  serial: number,
  team: Team,
  createdMs: number,
  fromMs: number,
): WireSession {
  // Whole seconds like the vendor's examples, unless that would fall before the range.
  const wholeSecond = createdMs - (createdMs % 1000);
  const created = wholeSecond >= fromMs ? wholeSecond : createdMs;
  const status = sessionStatus(random, 3);
  const id = sessionId(random, serial);
  const tags = sessionTags(random);
  const minutes = random.chance(0.05) ? random.int(1, 20) * 24 * 60 : random.int(2, 360);
  const acus = random.chance(NULL_ACUS_RATE) ? null : skewedAcus(random);
  return {
    session_id: id,
    url: sessionUrl(id),
    status,
    title: sessionTitle(random, tags, random.pick(COMPONENTS)),
    tags,
    user_id: random.weighted(team.users),
    org_id: team.org.org_id,
    created_at: toWireInstant(created),
    updated_at: toWireInstant(created + minutes * 60_000),
    acus_consumed: acus,
    pull_requests: pullRequestsFor(random, `example/${team.org.org_id}`, status),
  };
}

function organization(random: SeededRandom, index: number, base: number): WireOrganization {
  const name = TEAM_NAMES[index % TEAM_NAMES.length] ?? 'Team';
  const round = Math.floor(index / TEAM_NAMES.length);
  return {
    org_id: `org_${hex8(scramble32(base + index))}`,
    org_name: round === 0 ? name : `${name} ${round + 1}`,
    created_at: toWireInstant(Date.UTC(2024, random.int(0, 11), random.int(1, 28))),
    max_cycle_acu_limit: random.chance(0.5) ? null : random.int(5, 50) * 1000,
  };
}

function memberOf(index: number, base: number): WireMember {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Sam';
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Doe';
  return {
    // A different base from the orgs' so a user and an org never share an ID.
    user_id: `user_${hex8(scramble32(base + 0x4000_0000 + index))}`,
    email: `${first}.${last}.${index}@example.com`.toLowerCase(),
    name: `${first} ${last}`,
    enterprise_role: index === 0 ? 'enterprise_admin' : 'member',
  };
}

function checkOptions(count: number, from: Date, to: Date, orgs: number, usersPerOrg: number): void {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`sessions must be a whole number ≥ 0, got ${count}`);
  if (!(from.getTime() < to.getTime())) {
    throw new RangeError(`from must be before to, got ${from.toISOString()} and ${to.toISOString()}`);
  }
  for (const [name, value] of [
    ['orgs', orgs],
    ['usersPerOrg', usersPerOrg],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  }
}
