import { createDevinClient, type DevinClient, type DevinClientOptions } from '#devin/client/devin-client.js';
import type { ProductSplit, ServiceUserBill } from '#devin/fake/v3/v3-consumption.js';
import type { V3Prefix } from '#devin/fake/v3/v3-endpoints.js';
import type { FakeDataset, WireSession } from '#devin/fake/wire.js';
import type { FaultPlan } from '../../../support/fake-devin-api/faults.js';
import { startTestDevinApi, type TestDevinApi } from '../../../support/fake-devin-api/test-devin-api.js';
import { datasetOf, februarySessions } from '../fake-api-harness.js';

/** A service-user key, distinctive so a leak into any message is unmistakable. */
export const COG_KEY = 'cog_SECRET-5e7b1ce5-d00d';

export const SERVICE_USERS = [
  { service_user_id: 'service-user-aaa111', name: 'Nightly CI', expires_at: null },
  { service_user_id: 'service-user-bbb222', name: 'Triage bot', expires_at: 1_893_456_000 },
];

export interface V3Harness {
  readonly api: TestDevinApi;
  readonly client: DevinClient;
  /** The same fake read through v2, for comparisons. */
  readonly v2: DevinClient;
  readonly sleeps: number[];
  readonly warnings: string[];
}

export async function startV3Harness(
  data: FakeDataset,
  options: {
    faults?: FaultPlan;
    prefix?: V3Prefix;
    client?: Partial<DevinClientOptions>;
    sessionTotals?: 'included' | 'omitted';
    productSplit?: ProductSplit;
    serviceUserBill?: ServiceUserBill;
  } = {},
): Promise<V3Harness> {
  const api = await startTestDevinApi({
    apiKey: COG_KEY,
    data,
    ...(options.faults && { faults: options.faults }),
    ...(options.prefix && { v3Prefix: options.prefix }),
    ...(options.sessionTotals && { v3SessionTotals: options.sessionTotals }),
    ...(options.productSplit && { v3ProductSplit: options.productSplit }),
    ...(options.serviceUserBill && { v3ServiceUserBill: options.serviceUserBill }),
  });
  const sleeps: number[] = [];
  const warnings: string[] = [];
  const common = {
    apiKey: COG_KEY,
    baseUrl: api.url,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onWarning: (message: string) => warnings.push(message),
  };
  return {
    api,
    client: createDevinClient({ ...common, ...options.client }),
    v2: createDevinClient({ ...common, apiVersion: 'v2', onWarning: () => {} }),
    sleeps,
    warnings,
  };
}

/**
 * February's sessions with every fifth one started by automation (no person, a service user),
 * every third member reaching the enterprise through an IdP group only, and two service users.
 */
export function mixedDataset(count: number): FakeDataset {
  const sessions: WireSession[] = februarySessions(count).map((s, i) =>
    i % 5 === 4
      ? { ...s, user_id: null, service_user_id: SERVICE_USERS[i % 2]?.service_user_id ?? null }
      : { ...s, user_id: `user_${i % 3}` },
  );
  const base = datasetOf(sessions);
  return {
    ...base,
    members: [0, 1, 2].map((n) => ({
      user_id: `user_${n}`,
      email: `person${n}@example.com`,
      name: `Person ${n}`,
      enterprise_role: 'member',
      ...(n === 2 && { idp_only: true }),
    })),
    serviceUsers: SERVICE_USERS,
  };
}

/** Whether a request was a v3 sessions page reached by a cursor (not a window's first page). */
export const midChain = (request: {
  readonly path: string;
  readonly query: Readonly<Record<string, readonly string[]>>;
}): boolean => request.path === '/v3/enterprise/sessions' && request.query.after !== undefined;
