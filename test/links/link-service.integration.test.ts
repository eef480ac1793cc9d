// The durable link end to end: the report handler signs it, the link handler
// serves it, against s3rver, the Secrets Manager fake and the fake Devin API,
// with the real SDK clients. The clock is moved with fake Date only, so the SDK
// signer, s3rver's expiry check and both handlers all see the same moved time.

import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SIGNING_KEYS_MAX_AGE_MS } from '#aws/link-signing-secret.js';
import type { ChargebackResult } from '#chargeback/chargeback-result.js';
import { reportResultOf } from '#chargeback/chargeback-result.js';
import { type FakeDevinApi, startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { formatUtcMinute } from '#email/link-expiry.js';
import type { HttpResponse } from '#links/http-response.js';
import { landingUrl } from '#links/link-paths.js';
import { signLinkToken } from '#links/token/link-token.js';
import { parseSigningSecret } from '#links/token/signing-keys.js';
import { startClockFollowingProxy } from '../support/aws-clock-proxy.js';
import { type AwsEmulators, startAwsEmulators } from '../support/aws-emulators.js';
import { useAwsEnv } from '../support/aws-env.js';
import { functionUrlEvent } from './function-url-event.js';

const API_KEY = 'apk_user_link_service_secret_value_0987654321';
const BUCKET = 'chargeback-reports';
const API_KEY_SECRET = 'devin-chargeback/api-key';
const SIGNING_SECRET = 'devin-chargeback/link-signing';
const FIRST_KEY = 'first-signing-key-0123456789abcdefghijklmnopqrstuvwxyz';
const SECOND_KEY = 'second-signing-key-ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210';
const BASE_URL = 'https://abcdefghijklmnop.lambda-url.us-east-1.on.aws/';
const HOSTILE_ORG = '<script>alert("x")</script> & Co';
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type ReportHandler = (event: unknown) => Promise<ChargebackResult>;
type LinkHandler = (event: unknown) => Promise<HttpResponse>;

let aws: AwsEmulators;
let clockProxy: Awaited<ReturnType<typeof startClockFollowingProxy>>;
let devin: FakeDevinApi;
let restoreEnv: () => void;
let reportHandler: ReportHandler;
let linkHandler: LinkHandler;
let s3: S3Client;
/** Every line both handlers wrote to stdout (their structured logs). */
const logLines: string[] = [];
/** Every token and presigned URL the tests saw, none of which may reach a log line. */
const secrets = new Set<string>();

function dataset() {
  const data = generateDataset({
    seed: 11,
    sessions: 300,
    from: new Date('2026-10-01T00:00:00Z'),
    to: new Date('2026-11-01T00:00:00Z'),
  });
  const [first, ...rest] = data.organizations;
  if (!first) throw new Error('generateDataset made no organizations');
  return { ...data, organizations: [{ ...first, org_name: HOSTILE_ORG }, ...rest] };
}

async function open(url: string, method = 'GET'): Promise<HttpResponse> {
  const response = await linkHandler(functionUrlEvent(url, { method }));
  if (response.statusCode === 302) secrets.add(response.headers.Location ?? '');
  return response;
}

function tokenOf(url: string): string {
  const token = url.slice(`${BASE_URL}r/`.length);
  secrets.add(token);
  return token;
}

async function objectBytes(key: string): Promise<Buffer> {
  const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from((await response.Body?.transformToByteArray()) ?? new Uint8Array());
}

/** Moves the clock (Date only: timers and sockets keep real time) to `offsetMs` after now. */
function moveClock(offsetMs: number): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(realNow() + offsetMs);
}

const realNow = (() => {
  const RealDate = Date;
  return () => RealDate.now();
})();

describe('durable download links', () => {
  let scheduled: ChargebackResult;

  beforeAll(async () => {
    aws = await startAwsEmulators();
    await aws.s3.createBucket(BUCKET);
    aws.secretsManager.setSecret(API_KEY_SECRET, JSON.stringify({ apiKey: API_KEY }));
    aws.secretsManager.setSecret(SIGNING_SECRET, JSON.stringify({ current: FIRST_KEY }));
    devin = await startFakeDevinApi({ apiKey: API_KEY, data: dataset() });
    clockProxy = await startClockFollowingProxy(aws.s3.endpoint);
    restoreEnv = useAwsEnv({
      ...aws.env,
      AWS_ENDPOINT_URL_S3: clockProxy.endpoint,
      REPORT_BUCKET: BUCKET,
      EMAIL_SENDER: 'reports@example.com',
      EMAIL_RECIPIENTS: 'finance@example.com',
      ACU_PRICE: '2.25',
      DEVIN_API_KEY_SECRET: API_KEY_SECRET,
      DEVIN_API_URL: devin.url,
      LINK_BASE_URL: BASE_URL,
      LINK_SIGNING_SECRET: SIGNING_SECRET,
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write);
    vi.resetModules();
    const entry = (await import('#chargeback/handler.js')).handler;
    reportHandler = async (event) => reportResultOf(await entry(event));
    linkHandler = (await import('#links/handler.js')).handler;
    s3 = new S3Client({
      endpoint: clockProxy.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    scheduled = await reportHandler({
      source: 'devin-chargeback.schedule',
      kind: 'monthly',
      scheduledTime: '2026-11-01T06:00:00Z',
    });
    tokenOf(scheduled.downloadUrl);
  }, 120_000);

  afterEach(() => {
    vi.useRealTimers();
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    restoreEnv?.();
    s3?.destroy();
    await devin?.close();
    await clockProxy?.close();
    await aws?.stop();
  });

  it('puts a 30-day link to the link service in the result and the email, and says until when', async () => {
    expect(scheduled.downloadUrl.startsWith(`${BASE_URL}r/v1.`)).toBe(true);
    expect(scheduled.downloadUrl).not.toContain(BUCKET);
    expect(scheduled.downloadUrl).not.toContain('X-Amz');
    const expiresAt = new Date(scheduled.downloadUrlExpiresAt).getTime();
    expect(Math.abs(expiresAt - (realNow() + 30 * DAY_MS))).toBeLessThan(60_000);

    const mail = (await aws.ses.mails()).find((m) => m.messageId === scheduled.messageId);
    expect(mail?.body.html).toContain(`href="${scheduled.downloadUrl}"`);
    expect(mail?.body.text).toContain(scheduled.downloadUrl);
    expect(mail?.body.text).toMatch(/This link works until \d{1,2} \w+ 20\d\d, \d\d:\d\d UTC \(30 days\)/);
  });

  it('opens the landing page with the report, escaped, and the security headers', async () => {
    const page = await open(scheduled.downloadUrl);
    expect(page.statusCode).toBe(200);
    expect(page.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    expect(page.body).toContain('<h1>October 2026</h1>');
    expect(page.body).toContain('devin-acu-chargeback-2026-10.xlsx');
    expect(page.body).toContain(`href="${tokenOf(scheduled.downloadUrl)}/download"`);
    expect(page.body).toMatch(/Sessions<\/dt><dd>\d+<\/dd>/);
    expect(page.body).toContain(
      `<dd>USD ${Number(scheduled.totals.cost).toLocaleString('en-US', { minimumFractionDigits: 2 })}</dd>`,
    );
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(page.body).not.toMatch(/<script|<img|<link|src=|url\(/i);

    const head = await open(scheduled.downloadUrl, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('downloads the exact workbook through a presigned GET of at most five minutes', async () => {
    const redirect = await open(`${scheduled.downloadUrl}/download`);
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers['Cache-Control']).toBe('no-store');
    const location = new URL(redirect.headers.Location ?? '');
    expect(Number(location.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    const file = await fetch(location);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX);
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="devin-acu-chargeback-2026-10.xlsx"',
    );
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(Buffer.compare(bytes, await objectBytes(scheduled.s3.key))).toBe(0);

    // A HEAD (a mail scanner checking the link) is answered without presigning anything.
    const head = await open(`${scheduled.downloadUrl}/download`, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.Location).toBeUndefined();
    expect(JSON.stringify(head)).not.toContain('X-Amz');
  });

  it.each([
    ['13 hours', 13 * HOUR_MS],
    ['29 days', 29 * DAY_MS],
  ])('still works with the clock %s ahead', async (_label, offset) => {
    moveClock(offset);
    expect((await open(scheduled.downloadUrl)).statusCode).toBe(200);
    const redirect = await open(`${scheduled.downloadUrl}/download`);
    expect(redirect.statusCode).toBe(302);
    const file = await fetch(redirect.headers.Location ?? '');
    expect(file.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await file.arrayBuffer()), await objectBytes(scheduled.s3.key))).toBe(
      0,
    );
  });

  it('answers 410 after its expiry, with the date and the event that returns a fresh link', async () => {
    moveClock(new Date(scheduled.downloadUrlExpiresAt).getTime() - realNow() + 1000);
    for (const url of [scheduled.downloadUrl, `${scheduled.downloadUrl}/download`]) {
      const page = await open(url);
      expect(page.statusCode).toBe(410);
      expect(page.headers.Location).toBeUndefined();
      expect(page.body).toContain('This link has expired');
      expect(page.body).toContain(
        `It stopped working on ${formatUtcMinute(new Date(scheduled.downloadUrlExpiresAt))}.`,
      );
      expect(page.body).toContain(
        '<code>{&quot;month&quot;:&quot;2026-10&quot;,&quot;email&quot;:false}</code>',
      );
      expect(page.body).toContain(
        '<code>{&quot;month&quot;:&quot;2026-10&quot;,&quot;force&quot;:true}</code>',
      );
    }
  });

  describe('refuses with 403, saying nothing about why', () => {
    const flipped = (token: string, index: number) => {
      const ch = token[index] === 'A' ? 'B' : 'A';
      return `${token.slice(0, index)}${ch}${token.slice(index + 1)}`;
    };

    it('a flipped character anywhere in the token, or a truncated one', async () => {
      const token = tokenOf(scheduled.downloadUrl);
      const variants = [
        flipped(token, 1),
        flipped(token, 5),
        flipped(token, 20),
        flipped(token, token.length - 10),
        flipped(token, token.length - 1),
        token.slice(0, -1),
        token.slice(0, 40),
      ];
      for (const variant of variants) {
        for (const suffix of ['', '/download']) {
          const page = await open(`${landingUrl(BASE_URL, variant)}${suffix}`);
          expect(page.statusCode, variant).toBe(403);
          expect(page.body).toContain('This link does not work');
          expect(page.body).not.toContain('signature');
        }
      }
    });

    it('a token for another object, or signed with another key', async () => {
      const token = tokenOf(scheduled.downloadUrl);
      const [version, keyId, , signature] = token.split('.');
      const otherClaims = Buffer.from(
        JSON.stringify({ k: 'reports/monthly/2026/devin-acu-chargeback-2026-09.xlsx', e: 4_102_444_800 }),
      ).toString('base64url');
      const swapped = `${version}.${keyId}.${otherClaims}.${signature}`;
      const foreignKeys = parseSigningSecret('a-key-nobody-here-knows-0123456789abcdef');
      const foreign = signLinkToken(
        { key: scheduled.s3.key, expiresAt: new Date(realNow() + DAY_MS) },
        foreignKeys.current,
      );
      // Signed with the real key, but for an object outside the report prefix: refused all the same.
      const realKeys = parseSigningSecret(FIRST_KEY);
      const outside = signLinkToken(
        { key: 'elsewhere/secret.xlsx', expiresAt: new Date(realNow() + DAY_MS) },
        realKeys.current,
      );
      const sideFile = signLinkToken(
        { key: 'reports/markers/monthly/2026-10.email.json', expiresAt: new Date(realNow() + DAY_MS) },
        realKeys.current,
      );
      // Signed with the real key, but for longer than any link may live: the signer's cap holds at the click.
      const forever = signLinkToken(
        { key: scheduled.s3.key, expiresAt: new Date('9999-12-31T00:00:00Z') },
        realKeys.current,
      );
      for (const bad of [swapped, foreign, outside, sideFile, forever]) {
        secrets.add(bad);
        expect((await open(landingUrl(BASE_URL, bad))).statusCode).toBe(403);
        expect((await open(`${landingUrl(BASE_URL, bad)}/download`)).statusCode).toBe(403);
      }
    });

    it('a link signed before the secret changed; a rotation that keeps it as "previous" keeps it working', async () => {
      const before = scheduled.downloadUrl;
      aws.secretsManager.setSecret(SIGNING_SECRET, SECOND_KEY);
      // Each container re-reads the keys after SIGNING_KEYS_MAX_AGE_MS.
      moveClock(SIGNING_KEYS_MAX_AGE_MS + 1000);
      expect((await open(before)).statusCode).toBe(403);
      expect((await open(`${before}/download`)).statusCode).toBe(403);

      vi.useRealTimers();
      const fresh = await reportHandler({ month: '2026-10', email: false });
      tokenOf(fresh.downloadUrl);
      moveClock(2 * SIGNING_KEYS_MAX_AGE_MS + 2000);
      expect((await open(fresh.downloadUrl)).statusCode).toBe(200);

      aws.secretsManager.setSecret(
        SIGNING_SECRET,
        JSON.stringify({ current: SECOND_KEY, previous: FIRST_KEY }),
      );
      moveClock(3 * SIGNING_KEYS_MAX_AGE_MS + 3000);
      expect((await open(before)).statusCode).toBe(200);
      expect((await open(fresh.downloadUrl)).statusCode).toBe(200);
    });
  });

  it('answers 404 for a link whose workbook was deleted, and for an address without a token', async () => {
    vi.useRealTimers();
    const adHoc = await reportHandler({ from: '2026-10-01', to: '2026-10-07', email: false });
    tokenOf(adHoc.downloadUrl);
    expect((await open(adHoc.downloadUrl)).statusCode).toBe(200);
    // The link serves the run's own copy of the workbook.
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: adHoc.downloadKey ?? adHoc.s3.key }));
    for (const url of [adHoc.downloadUrl, `${adHoc.downloadUrl}/download`]) {
      const page = await open(url);
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('This report is no longer here');
    }
    for (const path of ['', 'r', 'r/', 'favicon.ico', 'r//download']) {
      const page = await open(`${BASE_URL}${path}`);
      expect(page.statusCode, path).toBe(404);
      expect(page.body).toContain('Nothing here');
    }
  });

  it('answers 400 to an event that is not a Function URL request', async () => {
    const page = await linkHandler({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
    expect(page.statusCode).toBe(400);
    expect(page.headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers 405 to any method but GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const page = await open(scheduled.downloadUrl, method);
      expect(page.statusCode).toBe(405);
      expect(page.headers.Allow).toBe('GET, HEAD');
    }
  });

  it('escapes HTML-hostile titles and names from the stored report', async () => {
    vi.useRealTimers();
    const key = 'reports/ad-hoc/hostile/devin-acu-chargeback-hostile.xlsx';
    const hostile = '"><img src=x onerror=alert(1)> & </h1><script>x()</script>';
    const summary = JSON.parse(
      (await objectBytes(scheduled.s3.key.replace('.xlsx', '.summary.json'))).toString(),
    );
    summary.period.label = hostile;
    summary.orgs[0].orgName = `${hostile} org`;
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'not really a workbook', ContentType: XLSX }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key.replace('.xlsx', '.summary.json'),
        Body: JSON.stringify(summary),
        ContentType: 'application/json',
      }),
    );
    const token = signLinkToken(
      { key, expiresAt: new Date(realNow() + DAY_MS) },
      parseSigningSecret(SECOND_KEY).current,
    );
    secrets.add(token);
    const page = await open(landingUrl(BASE_URL, token));
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<img');
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain(
      '&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &lt;/h1&gt;&lt;script&gt;x()&lt;/script&gt;',
    );
    expect(page.body).toContain('&lt;/h1&gt;&lt;script&gt;x()&lt;/script&gt; org</td>');
  });

  it('sends no email when the report function cannot read a usable signing key', async () => {
    vi.useRealTimers();
    const before = (await aws.ses.mails()).length;
    aws.secretsManager.setSecret(SIGNING_SECRET, 'too-short');
    try {
      const error = await reportHandler({ month: '2026-09' }).catch((e: unknown) => e);
      expect(String(error)).toMatch(
        /^ReportStageError: store report failed: .*link signing secret .* is unusable/,
      );
      expect(String(error)).not.toContain('too-short');
      expect((await aws.ses.mails()).length).toBe(before);
    } finally {
      aws.secretsManager.setSecret(
        SIGNING_SECRET,
        JSON.stringify({ current: SECOND_KEY, previous: FIRST_KEY }),
      );
    }
  });

  it('logs one structured line per request, without any token or presigned URL', async () => {
    const access = logLines
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          return undefined;
        }
      })
      .filter((entry) => entry?.message === 'link request');
    expect(access.length).toBeGreaterThan(40);
    expect(access).toContainEqual(
      expect.objectContaining({
        route: 'landing',
        method: 'GET',
        status: 200,
        outcome: 'viewed',
        objectKey: scheduled.downloadKey,
        period: '2026-10',
        sourceIp: '203.0.113.7',
        userAgent: expect.stringContaining('iPhone'),
        tokenId: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/),
      }),
    );
    expect(access).toContainEqual(
      expect.objectContaining({ route: 'download', method: 'HEAD', status: 200, outcome: 'checked' }),
    );
    expect(access).toContainEqual(
      expect.objectContaining({ status: 403, outcome: 'invalid-token', reason: 'out-of-policy' }),
    );
    // A HEAD is never counted as a download.
    expect(access.filter((entry) => entry?.method === 'HEAD' && entry.outcome === 'downloaded')).toEqual([]);
    const outcomes = new Set(access.map((entry) => `${entry?.status} ${entry?.outcome}`));
    expect([...outcomes].sort()).toEqual(
      [
        '200 checked',
        '200 viewed',
        '302 downloaded',
        '403 invalid-token',
        '404 no-token',
        '404 report-gone',
        '405 method-not-allowed',
        '410 expired',
      ].sort(),
    );
    expect(secrets.size).toBeGreaterThan(10);
    for (const line of logLines) {
      expect(line).not.toContain('X-Amz-Signature');
      expect(line).not.toContain('/r/v1.');
      for (const secret of secrets) if (secret !== '') expect(line).not.toContain(secret);
      expect(line).not.toContain(FIRST_KEY);
      expect(line).not.toContain(SECOND_KEY);
    }
  });
});
