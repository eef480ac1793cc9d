// `npm run report` with a v3 service-user key, and the demo on v3, as a user runs them.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { startTestDevinApi, type TestDevinApi } from '../support/fake-devin-api/test-devin-api.js';

/** Each case spawns the CLI, which builds whole demo months: as long as the child may run. */
const CLI_TIMEOUT_MS = 120_000;

const COG_KEY = 'cog_cli_e2e_service_user_secret_5e7b1ce5';
let api: TestDevinApi;
let out: string;

function runCli(entry: 'report' | 'demo', args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `functions/cli/${entry}.ts`, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Every cell of every sheet, as text: where a leaked key would show. */
async function workbookText(file: string): Promise<string> {
  const workbook = await new ExcelJS.Workbook().xlsx.readFile(file);
  const parts: string[] = [];
  workbook.eachSheet((ws) => ws.eachRow((row) => parts.push(JSON.stringify(row.values))));
  return parts.join('\n');
}

describe('npm run report with a service-user key (v3)', { timeout: CLI_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    api = await startTestDevinApi({ apiKey: COG_KEY, data: demoDataset(new Date('2026-11-17T10:30:00Z')) });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    api.setFaults({});
    api.requests.length = 0;
    out = await mkdtemp(join(tmpdir(), 'devin-chargeback-cli-v3-'));
    return () => rm(out, { recursive: true, force: true });
  });
  const env = () => ({ DEVIN_API_KEY: COG_KEY, DEVIN_API_URL: api.url });

  it('reads v3 only, walks to the bill in numbers, and leaves the key in no output or file', async () => {
    const run = await runCli(
      'report',
      ['--month', '2026-10', '--acu-price', '2.25', '--out', out, '--json'],
      env(),
    );
    expect(run.code).toBe(0);
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests.every((r) => r.path.startsWith('/v3/'))).toBe(true);
    expect(`${run.stdout}\n${run.stderr}`).not.toContain(COG_KEY);
    const entries = await readdir(out, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? out, e.name).slice(out.length + 1));
    for (const file of files.filter((f) => /\.(html|eml|json|csv)$/.test(f))) {
      expect(await readFile(join(out, file), 'utf8')).not.toContain(COG_KEY);
    }
    const text = await workbookText(join(out, 'devin-acu-chargeback-2026-10.xlsx'));
    expect(text).not.toContain(COG_KEY);
    expect(text).toContain('= Billed ACUs');
    expect(text).toContain('"service user"');
  });

  it('reads v2 when told to, whatever the key looks like', async () => {
    const run = await runCli(
      'report',
      ['--month', '2026-10', '--acu-price', '2.25', '--out', out, '--api-version', 'v2'],
      env(),
    );
    expect(run.code).toBe(0);
    expect(api.requests.every((r) => r.path.startsWith('/v2/'))).toBe(true);
    const viaEnv = await runCli('report', ['--month', '2026-10', '--acu-price', '2.25', '--out', out], {
      ...env(),
      DEVIN_API_VERSION: 'v4',
    });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).toMatch(/DEVIN_API_VERSION: "v4"/);
  });

  it('fails loudly on an expired or refused key (401), saying what v3 needs, without the key', async () => {
    api.setFaults({ script: [{ fault: { kind: 'status', status: 401 }, times: Number.POSITIVE_INFINITY }] });
    const run = await runCli('report', ['--month', '2026-10', '--acu-price', '2.25', '--out', out], env());
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/fetch sessions failed: .*401.*service user/);
    expect(run.stderr).not.toContain(COG_KEY);
    expect(await readdir(out)).toEqual([]);
  });
});

describe('npm start on v3', { timeout: CLI_TIMEOUT_MS }, () => {
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'devin-chargeback-demo-v3-'));
    return () => rm(out, { recursive: true, force: true });
  });

  it('walks session ACUs to the bill with nothing unexplained, and says why not on v2', async () => {
    const run = await runCli('demo', ['--out', out]);
    expect(run.code).toBe(0);
    const latest =
      (await readdir(out))
        .filter((f) => f.endsWith('.xlsx'))
        .sort()
        .at(-1) ?? '';
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(join(out, latest));
    const ws = workbook.getWorksheet('Reconciliation');
    const rows: unknown[][] = [];
    ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === 'Unexplained')?.slice(2)).toEqual([0, 0]);
    expect(rows.some((r) => r[0] === '= Billed ACUs')).toBe(true);

    const v2 = await runCli('demo', ['--out', out, '--api-version', 'v2']);
    expect(v2.code).toBe(0);
    const text = await workbookText(join(out, latest));
    expect(text).toContain('the v2 API has no per-session consumption');
  }, 240_000);
});
