// Renders every page the download-link service answers with, from the real
// handlers (the report function signs a link, the link function serves it)
// against the local emulators and the demo data set, then screenshots each
// with headless Chromium at desktop width and at 390 px (a phone).
//
//   npx tsx scripts/render-link-pages.ts [out-dir]      (default: link-pages/)
//
// Needs Debian's `chromium` on PATH (not a dependency of the project or of npm test).

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { reportResultOf } from '#chargeback/chargeback-result.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import type { HttpResponse } from '#links/http-response.js';
import { landingUrl } from '#links/link-paths.js';
import { signLinkToken } from '#links/token/link-token.js';
import { parseSigningSecret } from '#links/token/signing-keys.js';
import { functionUrlEvent } from '../test/links/function-url-event.js';
import { startAwsEmulators } from '../test/support/aws-emulators.js';
import { useAwsEnv } from '../test/support/aws-env.js';

const run = promisify(execFile);
const outDir = resolve(process.argv[2] ?? 'link-pages');
const BUCKET = 'chargeback-reports';
const API_KEY = 'apk_user_render_script_0123456789';
const SIGNING_KEY = 'render-script-signing-key-0123456789abcdefghijklmnop';
const BASE_URL = 'https://abcdefghijklmnop.lambda-url.eu-west-1.on.aws/';
const SIZES = [
  { name: 'desktop', width: 1280, height: 900, scale: 1 },
  { name: 'phone', width: 390, height: 844, scale: 2 },
] as const;

const now = new Date();
const aws = await startAwsEmulators();
const devin = await startFakeDevinApi({ apiKey: API_KEY, data: demoDataset(now) });
const restoreEnv = useAwsEnv({
  ...aws.env,
  REPORT_BUCKET: BUCKET,
  EMAIL_SENDER: 'reports@example.com',
  EMAIL_RECIPIENTS: 'finance@example.com',
  ACU_PRICE: '2.25',
  DEVIN_API_KEY_SECRET: 'api-key',
  DEVIN_API_URL: devin.url,
  LINK_BASE_URL: BASE_URL,
  LINK_SIGNING_SECRET: 'link-keys',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
});
try {
  await aws.s3.createBucket(BUCKET);
  aws.secretsManager.setSecret('api-key', API_KEY);
  aws.secretsManager.setSecret('link-keys', JSON.stringify({ current: SIGNING_KEY }));
  const report = (await import('#chargeback/handler.js')).handler;
  const links = (await import('#links/handler.js')).handler;
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
  const result = reportResultOf(await report({ month: lastMonth, email: false }));
  const token = result.downloadUrl.slice(`${BASE_URL}r/`.length);
  const keys = parseSigningSecret(SIGNING_KEY);
  const sign = (key: string, expiresAt: Date) =>
    landingUrl(BASE_URL, signLinkToken({ key, expiresAt }, keys.current));

  // A second report, deleted, for the "gone" page.
  const gone = reportResultOf(await report({ from: `${lastMonth}-01`, to: `${lastMonth}-07`, email: false }));
  const s3 = new S3Client({});
  await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: gone.s3.key }));
  s3.destroy();

  const pages: Record<string, { url: string; method?: string }> = {
    'landing-200': { url: result.downloadUrl },
    'invalid-403': { url: landingUrl(BASE_URL, `${token.slice(0, -12)}AAAAAAAAAAAA`) },
    'expired-410': { url: sign(result.s3.key, new Date(now.getTime() - 3 * 86_400_000)) },
    'gone-404': { url: gone.downloadUrl },
    'no-token-404': { url: BASE_URL },
    'method-405': { url: result.downloadUrl, method: 'POST' },
  };
  const htmlDir = await mkdtemp(join(tmpdir(), 'link-pages-'));
  await mkdir(outDir, { recursive: true });
  const rendered: string[] = [];
  for (const [name, { url, method }] of Object.entries(pages)) {
    const response = (await links(functionUrlEvent(url, method ? { method } : {}))) as HttpResponse;
    await screenshot(name, response, htmlDir, rendered);
  }
  // A failure on our side: the signing secret unreadable (a fresh handler instance, so nothing is cached).
  aws.secretsManager.setSecret('link-keys', undefined);
  const freshInstance: string = '../functions/links/handler.js?fresh';
  const fresh = ((await import(freshInstance)) as { handler: typeof links }).handler;
  await screenshot('error-500', await fresh(functionUrlEvent(result.downloadUrl)), htmlDir, rendered);
  console.log(rendered.join('\n'));
} finally {
  restoreEnv();
  await devin.close();
  await aws.stop();
}

async function screenshot(
  name: string,
  response: HttpResponse,
  htmlDir: string,
  rendered: string[],
): Promise<void> {
  const htmlPath = join(htmlDir, `${name}.html`);
  // A file has no response headers: the same CSP as a meta tag, so the render proves nothing else is needed.
  const csp = response.headers['Content-Security-Policy'] ?? '';
  await writeFile(
    htmlPath,
    response.body.replace('<head>', `<head>\n<meta http-equiv="Content-Security-Policy" content="${csp}">`),
  );
  for (const size of SIZES) {
    const png = join(outDir, `${name}-${size.name}.png`);
    await run(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${await mkdtemp(join(tmpdir(), 'chromium-'))}`,
        `--window-size=${size.width},${size.height}`,
        `--force-device-scale-factor=${size.scale}`,
        `--screenshot=${png}`,
        `file://${htmlPath}`,
      ],
      { timeout: 60_000 },
    );
    rendered.push(`${response.statusCode} ${png}`);
  }
}
