import { monthlyBillingCycles } from './billing-cycles.js';
import { billingDayOf } from './billing-day.js';
import type { DemoOrg, DemoPerson } from './demo-catalog.js';
import { DEMO_NAMELESS_PERSON, DEMO_ORGS, DEMO_PEOPLE } from './demo-catalog.js';
import { automatedOrNot, DEMO_SERVICE_USERS, withAccessPath } from './demo-principals.js';
import { toWireInstant } from './iso-instant.js';
import { nonSessionAcus } from './non-session-acus.js';
import type { SeededRandom } from './seeded-random.js';
import { scramble32, seededRandom } from './seeded-random.js';
import { sessionTitle } from './session-titles.js';
import {
  pullRequestsFor,
  sessionId,
  sessionStatus,
  sessionTags,
  sessionUrl,
  skewedAcus,
  toCents,
} from './session-traits.js';
import type { FakeDataset, WireMember, WireOrganization, WireSession } from './wire.js';

/** Whole calendar months before the current one; the current month is served up to `now`. */
const MONTHS_BEFORE = 4;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Sessions created this recently may still be running. */
const RECENT_MS = 3 * DAY_MS;
/** About 3 % of the bill: Cascade and Terminal ACUs that no org carries. */
const TYPICAL_NON_SESSION_ACUS = 5;
const NON_SESSION_SEED = 0xca5cade;
/** The demo company's contract renews on the 5th: its billing cycles are not calendar months. */
const CYCLE_ANCHOR_DAY = 5;

const ORG_WEIGHTS = DEMO_ORGS.map((org) => [org, org.weight] as const);

const PEOPLE_BY_ORG = new Map(
  DEMO_ORGS.map((org) => [
    org.id,
    DEMO_PEOPLE.filter((person) => person.orgIds.includes(org.id)).map(
      // People work mostly in their home org.
      (person) => [person, person.orgIds[0] === org.id ? person.activity : person.activity / 2] as const,
    ),
  ]),
);

/** The titles a report must render safely: a spreadsheet formula, markup, and non-ASCII text. */
export const DEMO_TRICKY_TITLES = {
  formula: '=HYPERLINK("http://example.com","click")',
  html: '<script>alert(1)</script> & "quotes"',
  nonAscii: 'Überarbeitung der Zahlungs-API — Teil 2',
} as const;

/** The first instant the demo has sessions for: the start of its earliest month. */
export function demoDataStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - MONTHS_BEFORE, 1));
}

/**
 * The built-in demo: a fictional company's sessions over the four calendar
 * months (UTC) before `now` and the current month up to `now`.
 *
 * Every session is drawn from a random source seeded by its month and its
 * number, so a month's sessions are the same whichever later day the demo runs
 * on (only `updated_at` is capped at `now`, and recent sessions may still be
 * running). Each month also holds the cases a report must get right: sessions
 * at the month's first instant and last second, one with `acus_consumed: null`,
 * the tricky titles above, one by a member without a name, and a long session created two days
 * before the month ends and woken three days into the next.
 *
 * The billing side is consistent with it: non-session ACUs on most billing days (seeded by the
 * day, so they too stay the same) and billing cycles from the 5th at 08:00 UTC, covering the span.
 */
export function demoDataset(now: Date): FakeDataset {
  const nowMs = now.getTime();
  const firstMonthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - MONTHS_BEFORE, 1);
  const sessions: WireSession[] = [];
  for (let back = MONTHS_BEFORE; back >= 0; back--) {
    const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1);
    const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1);
    for (const session of monthOfSessions(start, end, nowMs)) {
      if (Date.parse(session.created_at) <= nowMs) sessions.push(session);
    }
  }
  return {
    sessions,
    members: DEMO_PEOPLE.map((person, index) => withAccessPath(member(person), index)),
    organizations: DEMO_ORGS.map(organization),
    nonSessionAcus: nonSessionAcus({
      firstDay: billingDayOf(firstMonthStart),
      lastDay: billingDayOf(nowMs),
      typicalAcus: TYPICAL_NON_SESSION_ACUS,
      seed: NON_SESSION_SEED,
    }),
    billingCycles: monthlyBillingCycles(firstMonthStart, nowMs + 1, CYCLE_ANCHOR_DAY),
    serviceUsers: [...DEMO_SERVICE_USERS],
  };
}

interface Draw {
  readonly serial: number;
  readonly createdMs: number;
  readonly nowMs: number;
}

function monthOfSessions(start: number, end: number, nowMs: number): WireSession[] {
  const monthNumber = new Date(start).getUTCFullYear() * 12 + new Date(start).getUTCMonth();
  const monthRandom = seededRandom(scramble32(monthNumber));
  const count = monthRandom.int(560, 720);
  const days = dayWeights(start, end);
  // Serials are unique across months (about 24,000 months since year 0 × 10,000 < 2^32).
  const serialBase = monthNumber * 10_000;
  const sessions: WireSession[] = [];
  for (let i = 0; i < count; i++) {
    const serial = serialBase + i;
    const random = seededRandom(scramble32(serial));
    const createdMs = start + random.weighted(days) * DAY_MS + workingTimeOfDay(random);
    const org = random.weighted(ORG_WEIGHTS);
    const drawn = session(random, { serial, createdMs, nowMs }, org, random.weighted(peopleOf(org)));
    sessions.push(automatedOrNot(drawn, serial));
  }
  return [...sessions, ...monthCases(start, end, nowMs, serialBase + count)];
}

/** The cases every month's report must get right, at fixed places in the month. */
function monthCases(start: number, end: number, nowMs: number, firstSerial: number): WireSession[] {
  const [payments, data, , growth, internal] = DEMO_ORGS as [DemoOrg, DemoOrg, DemoOrg, DemoOrg, DemoOrg];
  const byName = (name: string) => DEMO_PEOPLE.find((person) => person.name === name) ?? DEMO_NAMELESS_PERSON;
  const day = (n: number, hour: number) => start + (n - 1) * DAY_MS + hour * HOUR_MS;
  const beforeMonthEnd = end - 2 * DAY_MS + 15 * HOUR_MS;
  const wokenInNextMonth = Math.max(beforeMonthEnd, Math.min(nowMs, end + 3 * DAY_MS + 10 * HOUR_MS));
  const cases: readonly (readonly [number, DemoOrg, DemoPerson, Partial<WireSession>])[] = [
    [start, payments, byName('Priya Raman'), { title: 'Nightly dependency bump for the ledger' }],
    [end - 1000, payments, byName('Amara Okafor'), { title: 'Month-end reconciliation report' }],
    [day(10, 12), growth, byName('Sam Taylor'), { title: DEMO_TRICKY_TITLES.formula }],
    [day(12, 9), internal, byName('Alex Morgan'), { title: DEMO_TRICKY_TITLES.html }],
    [
      day(14, 15),
      payments,
      byName('Lukas Becker'),
      { title: DEMO_TRICKY_TITLES.nonAscii, tags: ['refactor'] },
    ],
    [day(16, 11), data, byName('Maria Rossi'), { status: 'error', acus_consumed: null, pull_requests: [] }],
    [day(20, 7), internal, DEMO_NAMELESS_PERSON, { title: 'Prepare the release notes', tags: ['docs'] }],
    [
      beforeMonthEnd,
      data,
      byName('Kenji Watanabe'),
      {
        title: 'Backfill the feature store across the month end',
        tags: ['migration'],
        status: 'suspended',
        updated_at: toWireInstant(wokenInNextMonth),
        acus_consumed: 86.4,
      },
    ],
  ];
  return cases.map(([createdMs, org, person, overrides], index) => {
    const serial = firstSerial + index;
    return {
      ...session(seededRandom(scramble32(serial)), { serial, createdMs, nowMs }, org, person),
      ...overrides,
    };
  });
}

function session(random: SeededRandom, draw: Draw, org: DemoOrg, person: DemoPerson): WireSession {
  const id = sessionId(random, draw.serial);
  const recent = draw.nowMs - draw.createdMs < RECENT_MS;
  const status = sessionStatus(random, recent ? 30 : 1);
  const tags = sessionTags(random);
  const acus = skewedAcus(random);
  return {
    session_id: id,
    url: sessionUrl(id),
    status,
    title: sessionTitle(random, tags, random.pick(org.components)),
    tags,
    user_id: person.id,
    org_id: org.id,
    created_at: toWireInstant(draw.createdMs),
    updated_at: toWireInstant(
      Math.max(draw.createdMs, Math.min(draw.nowMs, lastUpdate(random, draw.createdMs))),
    ),
    acus_consumed: status === 'error' ? Math.max(0.1, toCents(acus / 2)) : acus,
    pull_requests: pullRequestsFor(random, org.repo, status),
  };
}

/** Most sessions finish within the hour; some sleep and are woken days later, still growing their ACUs. */
function lastUpdate(random: SeededRandom, createdMs: number): number {
  const minutes = Math.min(600, Math.max(2, Math.exp(Math.log(35) + 0.9 * random.normal())));
  const woken = random.chance(0.06) ? random.int(1, 12) * DAY_MS : 0;
  return createdMs + Math.round(minutes * 60) * 1000 + woken;
}

/** Day offsets within the month, weekends quieter. */
function dayWeights(start: number, end: number): (readonly [number, number])[] {
  const days = Math.round((end - start) / DAY_MS);
  return Array.from({ length: days }, (_, offset) => {
    const weekday = new Date(start + offset * DAY_MS).getUTCDay();
    return [offset, weekday === 0 || weekday === 6 ? 0.25 : 1] as const;
  });
}

/** Milliseconds into the day, clustered around the working day (UTC), whole seconds. */
function workingTimeOfDay(random: SeededRandom): number {
  const hour = Math.min(23, Math.max(0, Math.round(13 + 3.5 * random.normal())));
  return ((hour * 60 + random.int(0, 59)) * 60 + random.int(0, 59)) * 1000;
}

function peopleOf(org: DemoOrg): readonly (readonly [DemoPerson, number])[] {
  return PEOPLE_BY_ORG.get(org.id) ?? [];
}

function member(person: DemoPerson): WireMember {
  return { user_id: person.id, email: person.email, name: person.name, enterprise_role: person.role };
}

function organization(org: DemoOrg): WireOrganization {
  return {
    org_id: org.id,
    org_name: org.name,
    created_at: org.createdAt,
    max_cycle_acu_limit: org.maxCycleAcuLimit,
  };
}
