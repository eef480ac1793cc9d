// Serves a synthetic month from a separate process, so the benchmark's memory
// figures are the report's own and not the fake server's.

import { startFakeDevinApi } from '../functions/devin/fake/fake-devin-api.js';
import { generateDataset } from '../functions/devin/fake/generate-dataset.js';

const sessions = Number(process.argv[2] ?? '100000');
const from = new Date(process.argv[3] ?? '2026-10-01T00:00:00Z');
const to = new Date(process.argv[4] ?? '2026-11-01T00:00:00Z');
const api = await startFakeDevinApi({
  apiKey: 'bench-key',
  data: generateDataset({ seed: 42, sessions, from, to, orgs: 12, usersPerOrg: 40 }),
});
process.stdout.write(`${JSON.stringify({ url: api.url })}\n`);
process.on('SIGTERM', () => {
  void api.close().then(() => process.exit(0));
});
