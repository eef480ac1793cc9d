import { createDevinClient, type DevinClient, type DevinClientOptions } from '#devin/client/devin-client.js';
import type { FakeDataset, WireSession } from '#devin/fake/wire.js';
import type { FaultPlan } from '../../support/fake-devin-api/faults.js';
import { startTestDevinApi, type TestDevinApi } from '../../support/fake-devin-api/test-devin-api.js';

/** Distinctive, so a leak into any message is unmistakable. */
export const API_KEY = 'apk_user_SECRET-c0ffee-7f3a9b';

export const FEBRUARY = { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-01T00:00:00Z') };

export interface Harness {
  readonly api: TestDevinApi;
  readonly client: DevinClient;
  /** Every delay the client asked to sleep for; sleeping itself is instant. */
  readonly sleeps: number[];
  /** Every warning passed to onWarning. */
  readonly warnings: string[];
}

/** Starts the fake on loopback and a client pointed at it with instant, recorded sleeps. */
export async function startHarness(
  data: FakeDataset,
  options: { faults?: FaultPlan; client?: Partial<DevinClientOptions> } = {},
): Promise<Harness> {
  const api = await startTestDevinApi({
    apiKey: API_KEY,
    data,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const sleeps: number[] = [];
  const warnings: string[] = [];
  const client = createDevinClient({
    apiKey: API_KEY,
    baseUrl: api.url,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onWarning: (message) => warnings.push(message),
    ...options.client,
  });
  return { api, client, sleeps, warnings };
}

/** A plain session created at `createdAt`, ids in creation order when `n` is. */
export function wireSession(n: number, createdAt: string, overrides: Partial<WireSession> = {}): WireSession {
  const id = `devin-${String(n).padStart(6, '0')}`;
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    status: 'exit',
    title: `Session ${n}`,
    tags: ['bug-fix'],
    user_id: 'user_1',
    org_id: 'org_1',
    created_at: createdAt,
    updated_at: createdAt,
    acus_consumed: 1.25,
    pull_requests: [],
    ...overrides,
  };
}

/** `count` sessions spread over February, one a minute from its start, in creation order. */
export function februarySessions(count: number): WireSession[] {
  const start = FEBRUARY.from.getTime();
  return Array.from({ length: count }, (_, i) =>
    wireSession(i, new Date(start + (i + 1) * 60_000).toISOString().replace('.000Z', 'Z')),
  );
}

export function datasetOf(sessions: WireSession[]): FakeDataset {
  return {
    sessions,
    members: [{ user_id: 'user_1', email: 'ana@example.com', name: 'Ana Abe', enterprise_role: 'member' }],
    organizations: [
      {
        org_id: 'org_1',
        org_name: 'Payments',
        created_at: '2024-01-01T00:00:00Z',
        max_cycle_acu_limit: null,
      },
    ],
  };
}

/** Whether a request was for the sessions page at `skip`. */
export const atSkip =
  (skip: number) =>
  (request: {
    readonly path: string;
    readonly query: Readonly<Record<string, readonly string[]>>;
  }): boolean =>
    request.path === '/v2/enterprise/sessions' && request.query.skip?.[0] === String(skip);

/** The rejection of `promise`, failing the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
