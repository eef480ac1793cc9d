// Serves a synthetic month from a separate process, so the benchmark's memory
// figures are the report's own and not the fake server's.
//
//   tsx bench/fake-api-process.ts [sessions] [from] [to] [--latency-ms N] [--rhythm working-week]
//
// `--latency-ms N` answers every request N ms after it arrives (timers, not a busy wait), as a
// distant server would; `--rhythm working-week` crowds sessions into weekday working hours
// (default uniform). Prints `{"url": …}` on one line once listening.
import { parseArgs } from 'node:util';
import { isCreationRhythm } from '#devin/fake/creation-rhythm.js';
import { startFakeDevinApi } from '#devin/fake/fake-devin-api.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'latency-ms': { type: 'string', default: '0' },
    rhythm: { type: 'string', default: 'uniform' },
  },
});
const sessions = Number(positionals[0] ?? '100000');
const from = new Date(positionals[1] ?? '2026-10-01T00:00:00Z');
const to = new Date(positionals[2] ?? '2026-11-01T00:00:00Z');
const latencyMs = Number(values['latency-ms']);
const rhythm = values.rhythm;
if (!isCreationRhythm(rhythm))
  throw new RangeError(`--rhythm must be uniform or working-week, got ${rhythm}`);
const api = await startFakeDevinApi({
  apiKey: 'bench-key',
  data: generateDataset({ seed: 42, sessions, from, to, orgs: 12, usersPerOrg: 40, rhythm }),
  latencyMs,
});
process.stdout.write(`${JSON.stringify({ url: api.url })}\n`);
process.on('SIGTERM', () => {
  void api.close().then(() => process.exit(0));
});
