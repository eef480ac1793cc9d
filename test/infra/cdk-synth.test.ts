import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
// A real synth bundles the handler with esbuild and runs cdk-nag: seconds normally, longer on a busy CI box.
const SYNTH_TIMEOUT = 240_000;

/** The environment of a machine with no AWS account, as in CI. */
function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env))
    if (name.startsWith('AWS_') || name.startsWith('CDK_')) delete env[name];
  return {
    ...env,
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    // Without credentials the SDK would otherwise wait on the EC2 metadata endpoint.
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

interface LambdaResource {
  readonly Type: string;
  readonly Properties: {
    Environment?: { Variables: Record<string, unknown> };
    Code?: { S3Key?: string };
    Handler?: string;
  };
}

describe('npx cdk synth of the real app, with bundling', () => {
  let outdir: string;
  let synth: { ok: true } | { ok: false; output: string };

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'devin-chargeback-synth-'));
    try {
      await run(
        'npx',
        [
          'cdk',
          'synth',
          '--no-notices',
          '--quiet',
          '-c',
          'recipients=finance@example.com',
          '-c',
          'sender=reports@example.com',
          '-c',
          'acuPrice=2.25',
          '-c',
          'alarmEmail=ops@example.com',
          // Off by default; on here so the step functions' bundles are built and cold-started too.
          '-c',
          'distributedRuns=true',
          '--output',
          outdir,
        ],
        { cwd: PROJECT_ROOT, env: offlineEnv(), timeout: SYNTH_TIMEOUT, maxBuffer: 32 * 1024 * 1024 },
      );
      synth = { ok: true };
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string; message: string };
      synth = { ok: false, output: `${failure.message}\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}` };
    }
  }, SYNTH_TIMEOUT);

  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
  });

  function template(): { Resources: Record<string, LambdaResource> } {
    return JSON.parse(readFileSync(join(outdir, 'DevinChargeback.template.json'), 'utf8')) as {
      Resources: Record<string, LambdaResource>;
    };
  }

  /** The report function's and the link service's bundles. */
  function bundleDirs(): string[] {
    const assets = readdirSync(outdir).filter(
      (name) => name.startsWith('asset.') && existsSync(join(outdir, name, 'index.mjs')),
    );
    expect(assets).toHaveLength(2);
    return assets.map((name) => join(outdir, name));
  }

  /** A function's bundle: its code's S3 key is the asset's hash. */
  function bundleDirOf(fn: LambdaResource): string {
    const hash = (fn.Properties.Code?.S3Key ?? '').replace(/\.zip$/, '');
    const dir = join(outdir, `asset.${hash}`);
    expect(existsSync(join(dir, 'index.mjs')), dir).toBe(true);
    return dir;
  }

  /** The report function's bundle: the function that reads the Devin key. */
  function bundleDir(): string {
    const report = Object.values(template().Resources).filter(
      (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables.STATE_MACHINE_ARN,
    );
    expect(report).toHaveLength(1);
    return bundleDirOf(report[0] as LambdaResource);
  }

  it('succeeds without AWS credentials or Docker, with cdk-nag passing', () => {
    // On failure, show what cdk printed (a bundling error names the file and import).
    expect(synth.ok ? '' : synth.output).toBe('');
    expect(existsSync(join(outdir, 'DevinChargeback.template.json'))).toBe(true);
  });

  it('bundles each handler, SDK included, into one ESM file with its source map', () => {
    for (const dir of bundleDirs()) {
      // node_modules holds only the chart renderer's assets (checked below), in the report's bundle.
      expect(
        readdirSync(dir)
          .filter((name) => name !== 'node_modules')
          .sort(),
      ).toEqual(['index.mjs', 'index.mjs.map']);
      const size = statSync(join(dir, 'index.mjs')).size;
      // Minified with the SDK it is a few MB; far more means something unintended got bundled.
      expect(size).toBeGreaterThan(100_000);
      expect(size).toBeLessThan(20_000_000);
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).toContain('sourceMappingURL=index.mjs.map');
    }
  });

  it('ships the chart renderer’s WebAssembly and fonts, byte for byte, and nothing else in node_modules', () => {
    const modules = join(bundleDir(), 'node_modules');
    const files = (readdirSync(modules, { recursive: true }) as string[])
      .filter((name) => statSync(join(modules, name)).isFile())
      .sort();
    expect(files).toEqual([
      '@resvg/resvg-wasm/index_bg.wasm',
      '@resvg/resvg-wasm/package.json',
      'dejavu-fonts-ttf/LICENSE',
      'dejavu-fonts-ttf/package.json',
      'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
      'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    ]);
    for (const file of files) {
      const source = join(PROJECT_ROOT, 'node_modules', file);
      expect(readFileSync(join(modules, file)).equals(readFileSync(source))).toBe(true);
    }
  });

  it(
    'lets code bundled like the handler render a chart with text from the bundle’s own folder',
    async () => {
      const dir = bundleDir();
      const probe = join(dir, 'chart-probe.mjs');
      try {
        // The handler's own esbuild settings (infra/constructs/report-function.ts).
        await build({
          entryPoints: [join(PROJECT_ROOT, 'test/infra/fixtures/chart-probe.ts')],
          outfile: probe,
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node24',
          mainFields: ['module', 'main'],
          banner: {
            js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
          },
          minify: true,
          logLevel: 'silent',
        });
        // From a folder outside the project, so only the bundle's node_modules can answer.
        const { stdout } = await run(process.execPath, [probe], {
          cwd: tmpdir(),
          env: offlineEnv(),
          timeout: 60_000,
        });
        const result = JSON.parse(stdout) as { signature: string; width: number; dark: number };
        expect(result.signature).toBe('89504e470d0a1a0a');
        expect(result.width).toBe(120);
        expect(result.dark).toBeGreaterThan(50);
      } finally {
        rmSync(probe, { force: true });
      }
    },
    SYNTH_TIMEOUT,
  );

  it(
    'loads on Node and passes each handler’s own cold-start checks with the environment the stack sets',
    async () => {
      const functions = Object.values(template().Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
      // The report, the link service, and the distributed run's window and merge steps.
      expect(functions).toHaveLength(4);
      for (const fn of functions) await coldStart(fn);
    },
    SYNTH_TIMEOUT,
  );

  async function coldStart(fn: LambdaResource): Promise<void> {
    const variables = fn.Properties.Environment?.Variables ?? {};
    // References resolve at deploy time; stand in plausible values for them.
    const standIns: Record<string, string> = {
      REPORT_BUCKET: 'devinchargeback-reportbucket-abc123',
      DEVIN_API_KEY_SECRET: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:devin-api-key-AbC123',
      LINK_BASE_URL: 'https://abcdefghijklmnop.lambda-url.us-east-1.on.aws/',
      LINK_SIGNING_SECRET:
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:DownloadLinksSigningKeys-AbC123',
      STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:DistributedStateMachineAbC123',
      ALARM_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:DevinChargeback-AlarmsTopicAbC123',
    };
    // Each function's own export: `index.handler`, or a distributed step's `index.windowHandler`.
    const exported = (fn.Properties.Handler ?? 'index.handler').split('.').at(-1) ?? 'handler';
    const env = Object.fromEntries(
      Object.entries(variables).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : standIns[name],
      ]),
    );
    expect(Object.values(env)).not.toContain(undefined);
    const entry = pathToFileURL(join(bundleDirOf(fn), 'index.mjs')).href;
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(entry)}); console.log(typeof m[${JSON.stringify(exported)}]);`,
      ],
      {
        env: {
          ...offlineEnv(),
          ...env,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'not-used',
          AWS_SECRET_ACCESS_KEY: 'not-used',
        },
        timeout: 60_000,
      },
    );
    expect(stdout.trim()).toBe('function');
  }
});

describe('the app with a bad configuration', () => {
  it(
    'stops before building anything and names each bad key with its value',
    async () => {
      const outdir = mkdtempSync(join(tmpdir(), 'devin-chargeback-bad-config-'));
      try {
        // CDK_CONTEXT_JSON is how the cdk CLI hands -c values to the app.
        const failure = await run('npx', ['tsx', 'infra/app.ts'], {
          cwd: PROJECT_ROOT,
          env: {
            ...offlineEnv(),
            CDK_OUTDIR: outdir,
            CDK_CONTEXT_JSON: JSON.stringify({
              recipients: 'finance@example.com',
              timezone: 'Europe/Berln',
              acuprice: '3.10',
            }),
          },
          timeout: 60_000,
        }).then(
          () => undefined,
          (error: unknown) => error as { code?: number; stderr?: string },
        );
        expect(failure?.code).toBe(1);
        expect(failure?.stderr).toContain('sender: is required');
        expect(failure?.stderr).toContain('timezone = "Europe/Berln": is not an IANA time zone name');
        // -c acuprice=3.10 once synthesized silently at the list price.
        expect(failure?.stderr).toContain('acuPrice: is required');
        expect(failure?.stderr).toContain(
          'acuprice = "3.10": is not a setting of this stack; did you mean acuPrice?',
        );
        expect(failure?.stderr).not.toMatch(/\bat .*\.ts:\d+/);
        expect(readdirSync(outdir)).toEqual([]);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    },
    SYNTH_TIMEOUT,
  );
});
