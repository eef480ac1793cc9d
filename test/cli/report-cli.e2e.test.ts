// `npm run report` and `npm start` as a user runs them: a child process, the
// fake Devin API on loopback, files in a temp folder.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHART_WIDTH } from '#charts/cost-by-org-svg.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { startTestDevinApi, type TestDevinApi } from '../support/fake-devin-api/test-devin-api.js';
import { decodePng } from '../support/png.js';

/** Each case spawns the CLI, which builds whole demo months: as long as the child may run. */
const CLI_TIMEOUT_MS = 120_000;

const API_KEY = 'apk_user_cli_e2e_secret_key_0123456789';
let api: TestDevinApi;
let out: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(entry: 'report' | 'demo', args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `functions/cli/${entry}.ts`, ...args],
      {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const apiEnv = () => ({ DEVIN_API_KEY: API_KEY, DEVIN_API_URL: api.url });

describe('npm run report', { timeout: CLI_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    api = await startTestDevinApi({
      apiKey: API_KEY,
      data: generateDataset({
        seed: 11,
        sessions: 900,
        from: new Date('2026-09-20T00:00:00Z'),
        to: new Date('2026-11-05T00:00:00Z'),
      }),
    });
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(async () => {
    api.setFaults({});
    out = await mkdtemp(join(tmpdir(), 'devin-chargeback-cli-'));
    return () => rm(out, { recursive: true, force: true });
  });

  it('writes the month and prints one JSON object with --json', async () => {
    const run = await runCli(
      'report',
      ['--month', '2026-10', '--acu-price', '2.25', '--out', out, '--json'],
      apiEnv(),
    );
    expect(run.stderr).not.toContain(API_KEY);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      period: { from: string; to: string; label: string };
      sessions: number;
      acus: number;
      cost: number;
      currency: string;
      files: { workbook: string; email: string };
    };
    expect(result.period).toEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
      label: 'October 2026',
    });
    expect(result.currency).toBe('USD');
    expect(result.sessions).toBeGreaterThan(400);
    expect(result.cost).toBeCloseTo(result.acus * 2.25, 1);
    expect(result.files.workbook).toBe(join(out, 'devin-acu-chargeback-2026-10.xlsx'));
    expect(result.files.email).toBe(join(out, 'devin-acu-chargeback-2026-10.eml'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.files.workbook);
    const sessionsSheet = workbook.getWorksheet('Sessions');
    const totalRow = sessionsSheet?.getColumn(1).values.indexOf('Total');
    // Title row, header row, one row per session, a blank row, then the Total.
    expect(totalRow).toBe(result.sessions + 4);
    const eml = await readFile(result.files.email, 'utf8');
    expect(eml).toMatch(/^Subject: /m);
    expect((await readdir(out)).sort()).toEqual([
      'devin-acu-chargeback-2026-10.cost-by-org.png',
      'devin-acu-chargeback-2026-10.email.html',
      'devin-acu-chargeback-2026-10.eml',
      'devin-acu-chargeback-2026-10.sessions.json.gz',
      'devin-acu-chargeback-2026-10.summary.json',
      'devin-acu-chargeback-2026-10.xlsx',
      'focus',
    ]);
  });

  it('lists only --max-session-rows sessions, says where all are, and keeps every figure', async () => {
    const capped = join(out, 'capped');
    const whole = join(out, 'whole');
    const args = ['--month', '2026-10', '--acu-price', '2.25'];
    const [run, uncapped] = await Promise.all([
      runCli('report', [...args, '--out', capped, '--max-session-rows', '5'], apiEnv()),
      runCli('report', [...args, '--out', whole], apiEnv()),
    ]);
    expect(run.code).toBe(0);
    expect(uncapped.code).toBe(0);
    const focus = join(capped, 'focus/billing_period=2026-10/devin-focus-2026-10.parquet');
    const raw = join(capped, 'devin-acu-chargeback-2026-10.sessions.json.gz');
    expect(run.stdout).toMatch(
      new RegExp(`^Note: The workbook lists the first 5 of \\d+ sessions .*${focus}.*${raw}`, 'm'),
    );
    expect(uncapped.stdout).not.toContain('The workbook lists');

    const workbook = await new ExcelJS.Workbook().xlsx.readFile(
      join(capped, 'devin-acu-chargeback-2026-10.xlsx'),
    );
    const sessions = workbook.getWorksheet('Sessions');
    expect(sessions?.getCell(7, 1).value).toMatch(/^devin-/);
    expect(sessions?.getCell(8, 1).value).toBeNull();
    expect(sessions?.getCell(9, 1).value).toBe('Total (rows shown)');

    // Every figure comes from the report, never from the sheet: summary.json is the same bar the run.
    const summaryOf = async (dir: string) => {
      const { run: _run, ...figures } = JSON.parse(
        await readFile(join(dir, 'devin-acu-chargeback-2026-10.summary.json'), 'utf8'),
      ) as Record<string, unknown>;
      return figures;
    };
    expect(await summaryOf(capped)).toEqual(await summaryOf(whole));
  });

  it.each([
    [['--max-session-rows', '0'], {}, '--max-session-rows: "0" must be a whole number from 1 to 1,048,561'],
    [[], { MAX_SESSION_ROWS: '2000000' }, 'MAX_SESSION_ROWS: "2000000" must be a whole number from 1 to'],
  ])('refuses a bad cap %j %j with exit 2, naming it and the value', async (flags, env, message) => {
    const run = await runCli(
      'report',
      ['--month', '2026-10', '--acu-price', '2.25', '--out', out, ...flags],
      {
        ...apiEnv(),
        ...env,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`devin-chargeback: error: ${message}`);
  });

  it('names a day range by its dates and prints the summary table', async () => {
    const run = await runCli(
      'report',
      [
        '--from',
        '2026-10-01',
        '--to',
        '2026-10-15',
        '--timezone',
        'Europe/Berlin',
        '--acu-price',
        '2',
        '--currency',
        'EUR',
        '--out',
        out,
      ],
      apiEnv(),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Devin ACU chargeback — 1 Oct 2026 – 15 Oct 2026 (Europe/Berlin)');
    expect(run.stdout).toMatch(/^Total\s+\d+\s+[\d,]+\.\d\d\s+EUR [\d,]+\.\d\d/m);
    expect(await readdir(out)).toContain('devin-acu-chargeback-2026-10-01_2026-10-15.xlsx');
  });

  it('fails with one line and leaves no workbook when the API keeps failing', async () => {
    api.setFaults({ script: [{ fault: { kind: 'status', status: 503 }, times: Number.POSITIVE_INFINITY }] });
    const run = await runCli('report', ['--month', '2026-10', '--acu-price', '2.25', '--out', out], apiEnv());
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^devin-chargeback: error: fetch sessions failed: .*503/,
    );
    expect(run.stderr).not.toContain(API_KEY);
    expect(await readdir(out)).toEqual([]);
  }, 120_000);

  it('says how to get a key when DEVIN_API_KEY is missing', async () => {
    const run = await runCli('report', ['--month', '2026-10', '--acu-price', '2.25', '--out', out], {
      DEVIN_API_URL: api.url,
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/DEVIN_API_KEY/);
    expect(await readdir(out)).toEqual([]);
  });

  it.each([
    [['--month', '2026-13', '--acu-price', '2'], /month: "2026-13"/],
    [['--from', '2026-10-05', '--to', '2026-10-01', '--acu-price', '2'], /from/],
    [['--month', '2026-10', '--timezone', 'Mars/Base', '--acu-price', '2'], /Mars\/Base/],
    [['--month', '2026-10'], /--acu-price: is required/],
    [['--month', '2026-10', '--acu-price', '2', '--currency', 'XXQ'], /currency: "XXQ"/],
    [['--bogus'], /bogus/],
  ])('refuses %j with exit 2, naming the input', async (args, message) => {
    const run = await runCli('report', [...args, '--out', out], apiEnv());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(await readdir(out)).toEqual([]);
  });
});

describe('npm start (the demo)', { timeout: CLI_TIMEOUT_MS }, () => {
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'devin-chargeback-demo-'));
    return () => rm(out, { recursive: true, force: true });
  });

  it('needs no credentials and writes last month with its email preview', async () => {
    const run = await runCli('demo', ['--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Demo data from the built-in fake Devin API');
    expect(run.stdout).toMatch(/^Total\s+\d+/m);
    expect(run.stdout).toMatch(
      /^Share of the bill: Sessions account for \d+\.\d% of the [\d,.]+ ACUs billed/m,
    );
    expect(run.stdout).toMatch(/^Change vs \w+ \d{4}: [+-][\d,.]+ ACUs/m);
    // The three months before are built first, so the first demo already compares month over
    // month and shows a cost trend.
    const files = await readdir(out);
    expect(files.filter((f) => f.endsWith('.xlsx'))).toHaveLength(4);
    expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(4);
    const latest =
      files
        .filter((f) => f.endsWith('.xlsx'))
        .sort()
        .at(-1) ?? '';
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, latest));
    const reconciliation = workbook.getWorksheet('Reconciliation');
    const names = reconciliation?.getColumn(2).values ?? [];
    expect(names.some((v) => typeof v === 'string' && v.startsWith('Shared products'))).toBe(true);
    const html = await readFile(join(out, latest.replace('.xlsx', '.email.html')), 'utf8');
    expect(html).toContain('charges back');
    expect(html).toMatch(/Change vs \w+ \d{4}/);
    // The preview shows the charts from files beside it; the .eml carries them inline.
    for (const kind of ['cost-by-org', 'cost-trend']) {
      const png = latest.replace('.xlsx', `.${kind}.png`);
      expect(html).toContain(`src="${png}"`);
      expect(decodePng(await readFile(join(out, png))).width).toBe(2 * CHART_WIDTH);
    }
    expect(html).toContain('Stacked column chart of total cost per period');
    const eml = await readFile(join(out, latest.replace('.xlsx', '.eml')), 'utf8');
    expect(eml).toMatch(/Content-ID: <cost-trend\.\d{4}-\d{2}@devin-chargeback>/);

    // The sample map names four orgs and takes the rest by its catch-all row: a journal that
    // imports and balances, nothing Unmapped, a preview per owner.
    expect(workbook.worksheets.map((w) => w.name)).toContain('Journal');
    expect(run.stdout).toMatch(/^ {15}debits USD ([\d,.]+) = credits USD \1, \d+ lines$/m);
    expect(run.stdout).not.toMatch(/^Unmapped/m);
    const base = latest.replace('.xlsx', '');
    const journal = await readFile(join(out, `${base}.journal.csv`), 'utf8');
    expect(journal.split('\r\n')[0]).toBe(
      `\uFEFF${'date,reference,legal_entity,account,cost_centre,cost_centre_name,debit,credit,currency,description,journal_id,period,posting_date,quantity_acus,line_type'}`,
    );
    expect(await readFile(join(out, `${base}.cost-centres.csv`), 'utf8')).toContain('org_3f9a6c21e0,,CC-110');
    const previews = (await readdir(join(out, `${base}.showback`))).filter((f) => f.endsWith('.email.html'));
    expect(previews.sort()).toEqual([
      'anna.berg@northwind.example.email.html',
      'controller@northwind.example.email.html',
      'dev.patel@northwind.example.email.html',
      'lea.martin@northwind.example.email.html',
      'maria.lopez@northwind.example.email.html',
      'sam.okafor@northwind.example.email.html',
    ]);
    const anna = await readFile(
      join(out, `${base}.showback`, 'anna.berg@northwind.example.email.html'),
      'utf8',
    );
    expect(anna).toContain('budget owner of CC-120 Data Platform and CC-190 Security Programme');
    for (const other of ['CC-110', 'CC-130', 'CC-240', 'Unmapped']) expect(anna).not.toContain(other);
  });

  it('refuses a broken cost-centre map with exit 2, naming the line and the column', async () => {
    const map = join(out, 'map.csv');
    await writeFile(
      map,
      'org_id,cost_centre,cost_centre_name,gl_account,owner_email\norg_x,CC-1,X,6100,nobody\n',
    );
    const run = await runCli('demo', ['--out', join(out, 'report'), '--cost-centres', map]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${map} has a problem: line 2, owner_email: "nobody" is not an email address`,
    );
  });
});
