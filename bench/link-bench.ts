// `npm run bench:links`: what one click costs the download-link service. The real link handler
// serves a real report from s3rver (loopback), so the times are the handler's own work (HMAC,
// HEAD, summary.json, presigning) plus loopback S3, not AWS latency. Figures, not assertions.

import { performance } from 'node:perf_hooks';
import { reportResultOf } from '#chargeback/chargeback-result.js';
import { startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { landingUrl } from '#links/link-paths.js';
import { checkLinkToken, signLinkToken } from '#links/token/link-token.js';
import { parseSigningSecret } from '#links/token/signing-keys.js';
import { functionUrlEvent } from '../test/links/function-url-event.js';
import { startAwsEmulators } from '../test/support/aws-emulators.js';
import { useAwsEnv } from '../test/support/aws-env.js';

const REQUESTS = Number(process.argv[2] ?? '300');
const BASE_URL = 'https://abcdefghijklmnop.lambda-url.eu-west-1.on.aws/';
const SIGNING_KEY = 'bench-signing-key-0123456789abcdefghijklmnopqrstuv';
const API_KEY = 'apk_user_bench_0123456789';

const keys = parseSigningSecret(SIGNING_KEY);
const token = signLinkToken(
  { key: 'reports/x.xlsx', expiresAt: new Date(Date.now() + 86_400_000) },
  keys.current,
);
const checks = 100_000;
let started = performance.now();
for (let i = 0; i < checks; i++) checkLinkToken(token, keys, new Date());
console.log(
  `node ${process.version}: token check ${(((performance.now() - started) * 1000) / checks).toFixed(1)} µs each (${checks} checks)`,
);

const aws = await startAwsEmulators();
const data = generateDataset({
  seed: 3,
  sessions: 20_000,
  from: new Date('2026-10-01T00:00:00Z'),
  to: new Date('2026-11-01T00:00:00Z'),
});
const devin = await startFakeDevinApi({ apiKey: API_KEY, data });
const restoreEnv = useAwsEnv({
  ...aws.env,
  REPORT_BUCKET: 'reports',
  EMAIL_SENDER: 'reports@example.com',
  EMAIL_RECIPIENTS: 'finance@example.com',
  ACU_PRICE: '2.25',
  DEVIN_API_KEY_SECRET: 'api-key',
  DEVIN_API_URL: devin.url,
  LINK_BASE_URL: BASE_URL,
  LINK_SIGNING_SECRET: 'link-keys',
  POWERTOOLS_LOG_LEVEL: 'WARN',
});
try {
  await aws.s3.createBucket('reports');
  aws.secretsManager.setSecret('api-key', API_KEY);
  aws.secretsManager.setSecret('link-keys', SIGNING_KEY);
  const report = (await import('#chargeback/handler.js')).handler;
  const links = (await import('#links/handler.js')).handler;
  const result = reportResultOf(await report({ month: '2026-10', email: false }));
  const tampered = landingUrl(BASE_URL, `${result.downloadUrl.slice(`${BASE_URL}r/`.length, -4)}AAAA`);
  console.log(`report: ${result.totals.sessions} sessions; ${REQUESTS} sequential requests per kind`);
  console.log('request            status  p50 ms  p95 ms  max ms');
  const rssBefore = process.memoryUsage().rss;
  for (const [name, url] of [
    ['landing page', result.downloadUrl],
    ['download (302)', `${result.downloadUrl}/download`],
    ['tampered (403)', tampered],
  ] as const) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < REQUESTS; i++) {
      started = performance.now();
      status = (await links(functionUrlEvent(url))).statusCode;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2);
    console.log(
      `${name.padEnd(18)} ${String(status).padEnd(7)} ${at(0.5).padStart(6)}  ${at(0.95).padStart(6)}  ${at(1).padStart(6)}`,
    );
  }
  const rss = process.memoryUsage().rss;
  console.log(
    `process RSS ${(rss / 1e6).toFixed(0)} MB (grew ${((rss - rssBefore) / 1e6).toFixed(1)} MB over the requests; includes s3rver and the fakes)`,
  );
} finally {
  restoreEnv();
  await devin.close();
  await aws.stop();
}
