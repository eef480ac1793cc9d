// What Lambda runs, on the runtime it runs on: the stack is synthesized with bundling exactly as
// `cdk deploy` does it, and each function's bundle is loaded by Node.js 24 (the registry's Node
// binary package, fetched once by scripts/lambda-node.mjs) and invoked end to end against the S3,
// SES and Secrets Manager emulators, a Step Functions fake and the fake Devin API: the report, the
// link's landing page and download, and a distributed month's windows and merge. The same month
// run from the sources (on this Node) must give the same figures and pages.
//
// It is also the suite's log scan: every line any function wrote, at DEBUG, and every piece of
// execution data (the execution's input, each window's output, the merge's output) is searched for
// a link token, a presigned signature, the signing key, the Devin key and the landing URL.

import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChargebackResult } from '#chargeback/chargeback-result.js';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import type { HandedOverResult } from '#distributed/hand-over.js';
import type { HttpResponse } from '#links/http-response.js';
import { ChargebackStack } from '../../infra/chargeback-stack.js';
import { readConfig } from '../../infra/config.js';
import { functionUrlEvent } from '../links/function-url-event.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { useAwsEnv } from '../support/aws-env.js';
import { type FakeStepFunctions, startFakeStepFunctions } from '../support/aws-sfn-fake.js';
import { cdkJsonContext, MINIMAL_CONTEXT } from './support/build-stack.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNER = fileURLToPath(new URL('./fixtures/invoke-bundle.mjs', import.meta.url));
const SYNTH_TIMEOUT = 300_000;

const BUCKET = 'chargeback-reports';
const API_KEY = 'cog_bundle_test_service_user_key_0123456789';
const SIGNING_KEY = 'bundle-test-signing-key-0123456789abcdefghijklmnopqrstuvwxyz';
const BASE_URL = 'https://bundletest0123456.lambda-url.us-east-1.on.aws/';
const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:DistributedStateMachine';
const SCHEDULED = {
  source: 'devin-chargeback.schedule',
  kind: 'monthly',
  scheduledTime: '2026-11-01T06:00:00Z',
};
/** Shapes no log line or execution data may hold. */
const TOKEN_SHAPE = /v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{43}/;
const FORBIDDEN = [/X-Amz-Signature/i, /X-Amz-Credential/i, TOKEN_SHAPE, /\/r\/v1\./];

interface LambdaResource {
  readonly Type: string;
  readonly Properties: {
    Handler?: string;
    MemorySize?: number;
    Code?: { S3Key?: string };
    Environment?: { Variables: Record<string, unknown> };
  };
}

interface Invocation {
  readonly node: string;
  readonly loadMs: number;
  readonly outcomes: ({ ok: true; value: unknown } | { ok: false; error: string })[];
}

/** Every line a function wrote, and every payload Step Functions would keep, for the scan. */
const scanned: { where: string; text: string }[] = [];
const figures: { function: string; bundleBytes: number; assetBytes: number; coldLoadMs: number }[] = [];

describe('the synthesized bundles on the Lambda runtime (Node.js 24)', () => {
  let outdir: string;
  let workDir: string;
  let nodeBinary: string;
  let functions: Record<string, LambdaResource>;
  let aws: AwsEmulators;
  let sfn: FakeStepFunctions;
  let devin: FakeDevinApi;
  let s3: S3Client;
  let restoreEnv: (() => void) | undefined;

  beforeAll(async () => {
    nodeBinary = (
      await run(process.execPath, [join(ROOT, 'scripts/lambda-node.mjs')], { timeout: 240_000 })
    ).stdout.trim();
    aws = await startAwsEmulators();
    await aws.s3.createBucket(BUCKET);
    aws.secretsManager.setSecret('devin-api-key', JSON.stringify({ apiKey: API_KEY }));
    aws.secretsManager.setSecret('link-signing-keys', JSON.stringify({ current: SIGNING_KEY }));
    sfn = await startFakeStepFunctions();
    devin = await startFakeDevinApi({
      apiKey: API_KEY,
      data: generateDataset({
        seed: 22,
        sessions: 600,
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
      }),
    });
    outdir = mkdtempSync(join(tmpdir(), 'devin-chargeback-bundles-'));
    workDir = mkdtempSync(join(tmpdir(), 'devin-chargeback-bundle-runs-'));
    // The app as `cdk synth` builds it, bundling included (no 'aws:cdk:bundling-stacks' override).
    // distributedRuns is off by default; on here, so the window and merge bundles exist to invoke.
    const app = new App({
      outdir,
      context: { ...cdkJsonContext(), ...MINIMAL_CONTEXT, distributedRuns: 'true' },
    });
    new ChargebackStack(app, 'DevinChargeback', { config: readConfig(app) });
    app.synth();
    const template = JSON.parse(readFileSync(join(outdir, 'DevinChargeback.template.json'), 'utf8')) as {
      Resources: Record<string, LambdaResource>;
    };
    functions = Object.fromEntries(
      Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::Lambda::Function'),
    );

    s3 = new S3Client({
      endpoint: aws.s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  }, SYNTH_TIMEOUT);

  afterAll(async () => {
    restoreEnv?.();
    s3?.destroy();
    await devin?.close();
    await sfn?.close();
    await aws?.stop();
    if (outdir) rmSync(outdir, { recursive: true, force: true });
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    if (figures.length > 0) {
      console.log(
        'Lambda bundles on Node.js 24:\n' +
          figures
            .map(
              (f) =>
                `  ${f.function.padEnd(14)} ${(f.bundleBytes / 1e6).toFixed(2)} MB index.mjs` +
                `${f.assetBytes > 0 ? ` + ${(f.assetBytes / 1e6).toFixed(2)} MB wasm/fonts` : ''}` +
                `, cold load ${f.coldLoadMs.toFixed(0)} ms`,
            )
            .join('\n'),
      );
    }
  });

  function functionWithHandler(handler: string, withVariable?: string): LambdaResource {
    const found = Object.values(functions).filter(
      (fn) =>
        fn.Properties.Handler === handler &&
        (withVariable === undefined || withVariable in (fn.Properties.Environment?.Variables ?? {})),
    );
    expect(found, handler).toHaveLength(1);
    return found[0] as LambdaResource;
  }

  /** The function behind the Function URL: the only one that never reads the Devin key. */
  function linkFunction(): LambdaResource {
    const found = Object.values(functions).filter(
      (fn) => !('DEVIN_API_KEY_SECRET' in (fn.Properties.Environment?.Variables ?? {})),
    );
    expect(found).toHaveLength(1);
    return found[0] as LambdaResource;
  }

  function bundleDirOf(fn: LambdaResource): string {
    return join(outdir, `asset.${(fn.Properties.Code?.S3Key ?? '').replace(/\.zip$/, '')}`);
  }

  /** The function's environment from the template, references resolved to the emulators' names. */
  function environmentOf(fn: LambdaResource, overrides: Record<string, string>): Record<string, string> {
    const standIns: Record<string, string> = {
      REPORT_BUCKET: BUCKET,
      DEVIN_API_KEY_SECRET: 'devin-api-key',
      LINK_BASE_URL: BASE_URL,
      LINK_SIGNING_SECRET: 'link-signing-keys',
      STATE_MACHINE_ARN,
      ALARM_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:DevinChargeback-AlarmsTopic',
    };
    const variables = Object.fromEntries(
      Object.entries(fn.Properties.Environment?.Variables ?? {}).map(([name, value]) => {
        const resolved = typeof value === 'string' ? value : standIns[name];
        if (resolved === undefined) throw new Error(`no stand-in for ${name}: ${JSON.stringify(value)}`);
        return [name, resolved];
      }),
    );
    return {
      PATH: process.env.PATH ?? '',
      TMPDIR: workDir,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.Properties.MemorySize ?? 128),
      ...aws.env,
      AWS_ENDPOINT_URL_SFN: sfn.endpoint,
      ...variables,
      DEVIN_API_URL: devin.url,
      // Everything the code can log, so the scan sees it all.
      POWERTOOLS_LOG_LEVEL: 'DEBUG',
      ...overrides,
    };
  }

  /** One cold start of `fn`'s bundle on Node 24, then each event in turn. */
  async function invoke(
    label: string,
    fn: LambdaResource,
    events: unknown[],
    overrides: Record<string, string> = {},
  ): Promise<Invocation['outcomes']> {
    const dir = mkdtempSync(join(workDir, `${label}-`));
    const eventsFile = join(dir, 'events.json');
    const resultFile = join(dir, 'result.json');
    writeFileSync(eventsFile, JSON.stringify(events));
    const exported = (fn.Properties.Handler ?? 'index.handler').split('.').at(-1) ?? 'handler';
    const bundle = join(bundleDirOf(fn), 'index.mjs');
    const { stdout, stderr } = await run(nodeBinary, [RUNNER, bundle, exported, eventsFile, resultFile], {
      cwd: workDir,
      env: environmentOf(fn, overrides),
      timeout: 240_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    scanned.push({ where: `${label} stdout`, text: stdout }, { where: `${label} stderr`, text: stderr });
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as Invocation;
    expect(result.node).toMatch(/^v24\./);
    if (!figures.some((f) => f.function === label.split(':')[0])) {
      const assets = join(bundleDirOf(fn), 'node_modules');
      figures.push({
        function: label.split(':')[0] ?? label,
        bundleBytes: statSync(bundle).size,
        assetBytes: sizeOf(assets),
        coldLoadMs: result.loadMs,
      });
    }
    rmSync(dir, { recursive: true, force: true });
    return result.outcomes;
  }

  /** The same code from the sources, on this Node, with the same environment but another prefix. */
  async function sourceHandlers(fn: LambdaResource, link: LambdaResource, prefix: string) {
    restoreEnv?.();
    const { PATH: _path, TMPDIR: _tmp, ...env } = environmentOf(fn, { REPORT_PREFIX: prefix });
    const { REPORT_PREFIX: _linkPrefix, ...linkEnv } = environmentOf(link, {});
    restoreEnv = useAwsEnv({ ...linkEnv, ...env, POWERTOOLS_LOG_LEVEL: 'SILENT' });
    vi.resetModules();
    const report = (await import('#chargeback/handler.js')).handler;
    vi.resetModules();
    useAwsEnv({ REPORT_PREFIX: 'reports/' });
    const links = (await import('#links/handler.js')).handler;
    return { report, links };
  }

  async function objectBytes(key: string): Promise<Buffer> {
    const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from((await response.Body?.transformToByteArray()) ?? new Uint8Array());
  }

  async function summaryFigures(key: string): Promise<unknown> {
    const summary = JSON.parse((await objectBytes(key.replace(/\.xlsx$/, '.summary.json'))).toString('utf8'));
    const {
      run: runInfo,
      stats,
      ...rest
    } = summary as { run: Record<string, unknown>; stats: Record<string, unknown> };
    const { runId: _id, generatedAt: _at, ...runRest } = runInfo;
    return { ...rest, run: runRest, nullAcus: stats.nullAcus, duplicatesDropped: stats.duplicatesDropped };
  }

  let single: ChargebackResult;

  it(
    'loads every function’s bundle on Node 24 and runs the monthly report as the sources do',
    async () => {
      expect(Object.keys(functions)).toHaveLength(4);
      const reportFn = functionWithHandler('index.handler', 'STATE_MACHINE_ARN');
      const [outcome] = await invoke('report', reportFn, [SCHEDULED]);
      if (!outcome?.ok) throw new Error(`the report bundle failed: ${outcome?.error}`);
      single = outcome.value as ChargebackResult;
      expect(single).toMatchObject({
        emailed: true,
        period: { label: 'October 2026' },
        s3: { bucket: BUCKET, key: 'reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx' },
      });
      expect(single.downloadUrl.startsWith(`${BASE_URL}r/v1.`)).toBe(true);
      const mail = (await aws.ses.mails()).find((m) => m.messageId === single.messageId);
      expect(mail?.body.html).toContain(single.downloadUrl);

      const source = await sourceHandlers(reportFn, linkFunction(), 'source/');
      const fromSource = (await source.report(SCHEDULED)) as ChargebackResult;
      expect(single.totals).toEqual(fromSource.totals);
      expect(single.period).toEqual(fromSource.period);
      expect(await summaryFigures(single.s3.key)).toEqual(await summaryFigures(fromSource.s3.key));
    },
    SYNTH_TIMEOUT,
  );

  it(
    'serves the link’s landing page, a HEAD and the download from the link bundle as the sources do',
    async () => {
      const linkFn = linkFunction();
      const landing = functionUrlEvent(single.downloadUrl);
      const download = functionUrlEvent(`${single.downloadUrl}/download`);
      const head = functionUrlEvent(`${single.downloadUrl}/download`, { method: 'HEAD' });
      const outcomes = await invoke('link', linkFn, [landing, head, download]);
      const [page, checked, redirect] = outcomes.map((outcome) => {
        if (!outcome.ok) throw new Error(`the link bundle failed: ${outcome.error}`);
        return outcome.value as HttpResponse;
      }) as [HttpResponse, HttpResponse, HttpResponse];
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1>October 2026</h1>');
      expect(page.headers['Strict-Transport-Security']).toBeDefined();
      expect(checked).toMatchObject({ statusCode: 200, body: '' });
      expect(checked.headers.Location).toBeUndefined();
      expect(redirect.statusCode).toBe(302);
      const file = await fetch(redirect.headers.Location ?? '');
      expect(file.status).toBe(200);
      expect(Buffer.compare(Buffer.from(await file.arrayBuffer()), await objectBytes(single.s3.key))).toBe(0);

      const source = await sourceHandlers(
        functionWithHandler('index.handler', 'STATE_MACHINE_ARN'),
        linkFn,
        'source/',
      );
      const fromSource = await source.links(landing);
      expect(page.statusCode).toBe(fromSource.statusCode);
      expect(page.headers).toEqual(fromSource.headers);
      expect(page.body).toBe(fromSource.body);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'hands a month over, runs its windows and merge from their bundles, and merges what a single run reports',
    async () => {
      const reportFn = functionWithHandler('index.handler', 'STATE_MACHINE_ARN');
      const distributed = { REPORT_PREFIX: 'distributed/', SESSIONS_PER_INVOCATION: '200' };
      const [handed] = await invoke('report:hand-over', reportFn, [SCHEDULED], distributed);
      if (!handed?.ok) throw new Error(`the hand-over failed: ${handed?.error}`);
      expect((handed.value as HandedOverResult).distributed.executionArn).toContain(':execution:');
      expect(sfn.started).toHaveLength(1);
      const execution = sfn.started[0]?.input as {
        runId: string;
        windows: { index: number; from: string; to: string }[];
        filters: unknown;
      };
      scanned.push({ where: 'execution input', text: JSON.stringify(sfn.started) });

      // The Map's item selector, then the window step for each window, in one warm container.
      const windowFn = functionWithHandler('index.windowHandler');
      const windowEvents = execution.windows.map((window) => ({
        runId: execution.runId,
        filters: execution.filters,
        index: window.index,
        window: { from: window.from, to: window.to },
      }));
      const parts = (await invoke('window', windowFn, windowEvents, distributed)).map((outcome) => {
        if (!outcome.ok) throw new Error(`a window bundle failed: ${outcome.error}`);
        return outcome.value;
      });
      scanned.push({ where: 'window outputs', text: JSON.stringify(parts) });

      const mergeFn = functionWithHandler('index.mergeHandler');
      const mergeEvent = { ...execution, parts };
      const outside = {
        ...mergeEvent,
        run: {
          kind: 'manual',
          period: { alignment: 'calendar', month: '2026-10' },
          recipients: ['x@evil.example'],
          email: true,
          orgIds: [],
          userIds: [],
          tags: [],
          force: true,
        },
      };
      const [refused, merged] = await invoke('merge', mergeFn, [outside, mergeEvent], distributed);
      expect(refused).toMatchObject({
        ok: false,
        error: expect.stringContaining('recipients: "x@evil.example" is outside the domains'),
      });
      if (!merged?.ok) throw new Error(`the merge bundle failed: ${merged?.error}`);
      scanned.push({ where: 'merge output', text: JSON.stringify(merged.value) });
      const result = merged.value as Omit<ChargebackResult, 'downloadUrl'> & { link: string };
      expect(result).toMatchObject({ emailed: true, runId: execution.runId });
      expect(result).not.toHaveProperty('downloadUrl');
      expect(result.totals).toEqual(single.totals);
      expect(await summaryFigures(result.s3.key)).toEqual({
        ...((await summaryFigures(single.s3.key)) as object),
      });
    },
    SYNTH_TIMEOUT,
  );

  it('finds no token, presigned signature, signing key, Devin key or link in any log or execution data', () => {
    const text = scanned.map((entry) => entry.text).join('\n');
    // The scan saw every function at work: the report, the link service, the windows and the merge.
    expect(text).toContain('"message":"link request"');
    expect(text).toContain('"message":"window stored"');
    expect(text).toContain('"service":"devin-chargeback"');
    expect(scanned.filter((entry) => entry.text.trim() !== '').length).toBeGreaterThan(5);
    for (const { where, text: entry } of scanned) {
      for (const pattern of FORBIDDEN) expect(entry, `${where} matches ${pattern}`).not.toMatch(pattern);
      for (const secret of [SIGNING_KEY, API_KEY, single.downloadUrl]) {
        expect(entry.includes(secret), `${where} holds a secret`).toBe(false);
      }
    }
  });
});

function sizeOf(path: string): number {
  try {
    return (readdirSync(path, { recursive: true }) as string[])
      .map((name) => statSync(join(path, name)))
      .filter((stat) => stat.isFile())
      .reduce((sum, stat) => sum + stat.size, 0);
  } catch {
    return 0;
  }
}
