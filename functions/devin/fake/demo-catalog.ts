/**
 * The fictional company of the demo: its orgs and people. Fixed here rather
 * than generated so that the demo report reads like a real one and stays the
 * same from run to run.
 */

export interface DemoOrg {
  readonly id: string;
  readonly name: string;
  /** Share of the company's sessions, so that orgs differ visibly in the report. */
  readonly weight: number;
  readonly repo: string;
  readonly components: readonly string[];
  readonly createdAt: string;
  readonly maxCycleAcuLimit: number | null;
}

export interface DemoPerson {
  readonly id: string;
  /** Null for a service account: the report must fall back to the email. */
  readonly name: string | null;
  readonly email: string;
  readonly role: 'enterprise_admin' | 'member';
  /** The first org is home; a second one gets a smaller share of this person's sessions. */
  readonly orgIds: readonly [string] | readonly [string, string];
  /** Relative activity: a few heavy users, a long tail. */
  readonly activity: number;
}

export const DEMO_DOMAIN = 'northwind.example';

export const DEMO_ORGS: readonly DemoOrg[] = [
  {
    id: 'org_3f9a6c21e0',
    name: 'Payments Platform',
    weight: 31,
    repo: 'northwind/payments-api',
    components: ['checkout service', 'ledger', 'refund worker', 'invoice API', 'fraud rules'],
    createdAt: '2024-03-04T09:12:00Z',
    maxCycleAcuLimit: 40_000,
  },
  {
    id: 'org_8b2d4e7a15',
    name: 'Data & ML',
    weight: 26,
    repo: 'northwind/ml-pipelines',
    components: ['feature store', 'training pipeline', 'dbt models', 'ranking model'],
    createdAt: '2024-03-04T09:20:00Z',
    maxCycleAcuLimit: 30_000,
  },
  {
    id: 'org_c47e1b9d32',
    name: 'Mobile Apps',
    weight: 19,
    repo: 'northwind/mobile-app',
    components: ['iOS app', 'Android app', 'push notifications', 'offline sync'],
    createdAt: '2024-05-13T14:02:00Z',
    maxCycleAcuLimit: null,
  },
  {
    id: 'org_5a0f8d3c76',
    name: 'Growth',
    weight: 15,
    repo: 'northwind/web-growth',
    components: ['signup flow', 'A/B test framework', 'landing pages', 'email campaigns'],
    createdAt: '2024-09-30T08:45:00Z',
    maxCycleAcuLimit: 15_000,
  },
  {
    id: 'org_e16b2f4a98',
    name: 'Internal Tools',
    weight: 9,
    repo: 'northwind/backoffice',
    components: ['admin console', 'on-call bot', 'CI pipeline'],
    createdAt: '2025-01-20T11:30:00Z',
    maxCycleAcuLimit: null,
  },
];

const [PAYMENTS, DATA, MOBILE, GROWTH, INTERNAL] = DEMO_ORGS.map((org) => org.id) as [
  string,
  string,
  string,
  string,
  string,
];

type PersonRow = readonly [name: string | null, email: string, orgIds: DemoPerson['orgIds']];

/** Per org, the heaviest user first; activity then falls off along the list. */
const PEOPLE: readonly PersonRow[] = [
  ['Priya Raman', 'priya.raman', [PAYMENTS]],
  ['Lukas Becker', 'lukas.becker', [PAYMENTS]],
  ['Amara Okafor', 'amara.okafor', [PAYMENTS]],
  ['Daniel Kim', 'daniel.kim', [PAYMENTS, INTERNAL]],
  ['Sofia Marquez', 'sofia.marquez', [PAYMENTS]],
  ['Tomás Novák', 'tomas.novak', [PAYMENTS]],
  ['Hannah Schultz', 'hannah.schultz', [PAYMENTS]],
  ['Ravi Patel', 'ravi.patel', [PAYMENTS]],
  ['Emily Chen', 'emily.chen', [PAYMENTS]],
  ['Wei Zhang', 'wei.zhang', [DATA, GROWTH]],
  ['Fatima Al-Sayed', 'fatima.alsayed', [DATA]],
  ['Jonas Lindqvist', 'jonas.lindqvist', [DATA]],
  ['Maria Rossi', 'maria.rossi', [DATA]],
  ['Kenji Watanabe', 'kenji.watanabe', [DATA]],
  ['Olivia Brown', 'olivia.brown', [DATA]],
  ['Arjun Mehta', 'arjun.mehta', [DATA]],
  ['Chloé Dubois', 'chloe.dubois', [DATA]],
  ['Noah Williams', 'noah.williams', [MOBILE]],
  ['Aisha Bello', 'aisha.bello', [MOBILE]],
  ['Mateus Silva', 'mateus.silva', [MOBILE]],
  ['Yuki Tanaka', 'yuki.tanaka', [MOBILE]],
  ["Grace O'Connor", 'grace.oconnor', [MOBILE]],
  ['Ivan Petrov', 'ivan.petrov', [MOBILE]],
  ['Leila Haddad', 'leila.haddad', [MOBILE]],
  ['Sam Taylor', 'sam.taylor', [GROWTH]],
  ['Zoe Martin', 'zoe.martin', [GROWTH]],
  ['Diego Fernández', 'diego.fernandez', [GROWTH]],
  ['Nora Johansson', 'nora.johansson', [GROWTH]],
  ['Ethan Wright', 'ethan.wright', [GROWTH]],
  ['Mei Lin', 'mei.lin', [GROWTH]],
  ['Oscar Nilsson', 'oscar.nilsson', [GROWTH]],
  ['Alex Morgan', 'alex.morgan', [INTERNAL]],
  ['Ingrid Halvorsen', 'ingrid.halvorsen', [INTERNAL]],
  ['Samuel Adeyemi', 'samuel.adeyemi', [INTERNAL]],
  [null, 'release-bot', [INTERNAL]],
  ['Ruth Cohen', 'ruth.cohen', [INTERNAL]],
];

const ADMINS = new Set(['alex.morgan', 'ruth.cohen']);

export const DEMO_PEOPLE: readonly DemoPerson[] = PEOPLE.map(([name, handle, orgIds], index) => {
  const rank = PEOPLE.slice(0, index).filter(([, , earlier]) => earlier[0] === orgIds[0]).length;
  return {
    // Opaque like the vendor's IDs, but fixed: a person keeps their ID across demo runs.
    id: `user_${(0x5eed0000 + index * 7919).toString(36)}`,
    name,
    email: `${handle}@${DEMO_DOMAIN}`,
    role: ADMINS.has(handle) ? 'enterprise_admin' : 'member',
    orgIds,
    activity: 1 / (1 + rank * 0.45),
  };
});

/** The person whose name is null, so that the report's fallback shows. */
export const DEMO_NAMELESS_PERSON: DemoPerson = DEMO_PEOPLE.find((person) => person.name === null) ?? fail();

function fail(): never {
  throw new Error('the demo catalog must hold a person without a name');
}
