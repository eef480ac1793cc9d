import type { FakeDataset, WireSession } from '#devin/fake/wire.js';

export const KEY = 'apk_user_fake-test-5e1f';
export const AUTH = { authorization: `Bearer ${KEY}` };

export function wireSession(
  id: string,
  createdAt: string,
  overrides: Partial<WireSession> = {},
): WireSession {
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    status: 'exit',
    title: `Session ${id}`,
    tags: [],
    user_id: 'user_a',
    org_id: 'org_a',
    created_at: createdAt,
    updated_at: createdAt,
    acus_consumed: 1,
    pull_requests: [],
    ...overrides,
  };
}

export function datasetOf(sessions: WireSession[]): FakeDataset {
  return {
    sessions,
    members: [
      { user_id: 'user_a', email: 'Ana.Abe@example.com', name: 'Ana Abe', enterprise_role: 'member' },
      { user_id: 'user_b', email: 'ben@example.com', name: null, enterprise_role: 'enterprise_admin' },
      { user_id: 'user_c', email: 'chen@example.com', name: 'Chen Cruz', enterprise_role: 'member' },
    ],
    organizations: [
      {
        org_id: 'org_a',
        org_name: 'Payments',
        created_at: '2024-01-01T00:00:00Z',
        max_cycle_acu_limit: null,
      },
      { org_id: 'org_b', org_name: 'Mobile', created_at: '2024-02-01T00:00:00Z', max_cycle_acu_limit: 5000 },
    ],
  };
}

/** `count` sessions one minute apart from 2025-02-01T00:01:00Z, ids s0000, s0001, ... in creation order. */
export function minuteSessions(count: number): WireSession[] {
  const start = Date.UTC(2025, 1, 1);
  return Array.from({ length: count }, (_, i) =>
    wireSession(`s${String(i).padStart(4, '0')}`, new Date(start + (i + 1) * 60_000).toISOString()),
  );
}

export interface SessionsBody {
  items: WireSession[];
  total: number;
  skip: number;
  limit: number;
  has_more: boolean;
  next_cursor: number | null;
}
