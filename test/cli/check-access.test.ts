import { afterEach, describe, expect, it } from 'vitest';
import { runReportCli } from '#cli/run-report-cli.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import type { FaultPlan } from '../support/fake-devin-api/faults.js';
import { startTestDevinApi, type TestDevinApi } from '../support/fake-devin-api/test-devin-api.js';

const NOW = new Date('2026-11-17T10:30:00Z');
const KEY = 'cog_check-access-test-key';

let api: TestDevinApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const refusing = (status: number, ...paths: RegExp[]): FaultPlan => ({
  script: [
    { fault: { kind: 'status', status }, when: (r) => paths.some((p) => p.test(r.path)), times: Infinity },
  ],
});

async function check(faults: FaultPlan | undefined, env: Record<string, string> = {}, argv: string[] = []) {
  api = await startTestDevinApi({ apiKey: KEY, data: demoDataset(NOW), ...(faults && { faults }) });
  let stdout = '';
  let stderr = '';
  const code = await runReportCli('api', ['--check-access', ...argv], {
    env: { DEVIN_API_KEY: KEY, DEVIN_API_URL: api.url, ...env },
    now: () => NOW,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

describe('npm run report -- --check-access', () => {
  it('prints ok/refused/missing per endpoint with its permission, and exits 0 when sessions can be read', async () => {
    const { code, stdout } = await check(
      {
        script: [
          {
            fault: { kind: 'status', status: 403 },
            when: (r) => r.path.startsWith('/v3/enterprise/consumption/daily/users/'),
            times: Infinity,
          },
          {
            fault: { kind: 'status', status: 403 },
            when: (r) => r.path === '/v3/enterprise/metrics/sessions',
            times: Infinity,
          },
          {
            fault: { kind: 'status', status: 404 },
            when: (r) => r.path.includes('/consumption/cycles'),
            times: Infinity,
          },
        ],
      },
      { DEVIN_API_KEY_EXPIRES_AT: '2026-12-01' },
    );
    expect(code).toBe(0);
    const rowOf = (path: string) => stdout.split('\n').find((line) => line.includes(`GET ${path}`)) ?? '';
    expect(rowOf('/v3/enterprise/sessions ')).toMatch(/^ok .*ViewAccountSessions/);
    expect(rowOf('/v3/enterprise/consumption/daily/users/')).toMatch(/^refused \(HTTP 403\).*ManageBilling/);
    expect(rowOf('/v3/enterprise/metrics/sessions')).toMatch(/^refused .*ViewAccountMetrics.*planning count/);
    expect(rowOf('/v3/enterprise/consumption/cycles')).toMatch(/^missing/);
    expect(rowOf('/v3/enterprise/consumption/daily/sessions/devin-')).toMatch(/^ok/);
    expect(rowOf('/v3/enterprise/consumption/daily/service-users/service-user-')).toMatch(/^ok/);
    expect(stdout).toContain('Key expiry: 2026-12-01. The Devin key expires on 2026-12-01 (in 13 days)');
    expect(stdout).toContain('Sessions can be read');
    expect(stdout).not.toContain(KEY);
  });

  it('exits 1 when the key may not read sessions, and answers --json', async () => {
    const { code, stdout } = await check(refusing(403, /\/enterprise\/sessions$/), {}, ['--json']);
    expect(code).toBe(1);
    const body = JSON.parse(stdout) as {
      canReport: boolean;
      keyExpiresAt: null;
      endpoints: { path: string; result: string }[];
    };
    expect(body.canReport).toBe(false);
    expect(body.keyExpiresAt).toBeNull();
    expect(body.endpoints[0]).toMatchObject({ path: '/v3/enterprise/sessions', result: 'refused' });
    // Without a session to take ids from, the per-session row cannot be asked.
    expect(body.endpoints.find((e) => e.path.includes('{session_id}'))?.result).toBe('not checked');
  });
});
