import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredReportError, spoolSessionsExport } from '#backfill/stored-sessions.js';
import { sessionsExport } from '#chargeback/sessions-export.js';
import type { Session } from '#core/session.js';
import { sessionFromWire } from '#devin/client/wire-session.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { spoolSessions } from '#spool/session-spool.js';
import { session } from '../core/report/session-fixture.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stored-sessions-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every field a session has, including the awkward ones. */
const ODD: Session[] = [
  {
    ...session({ sessionId: 'sess-svc', orgId: 'org-a', userId: 'svc-1', acus: 1.000000000001 }),
    userKind: 'service-user',
    url: 'https://app.devin.ai/sessions/svc',
    status: 'running',
    title: 'Line one\nline two, "quoted", \u2028 and ünïcödé 🚀',
    tags: ['prod', 'data'],
    createdAt: new Date('2026-10-03T04:05:06.789Z'),
    updatedAt: new Date('2026-11-02T00:00:00.001Z'),
    pullRequests: [
      { url: 'https://github.com/x/y/pull/1', state: 'merged' },
      { url: 'https://github.com/x/y/pull/2', state: null },
    ],
  },
  { ...session({ sessionId: 'sess-none', orgId: 'org-b', userId: null }), acus: 0n, acusReported: false },
  { ...session({ sessionId: 'sess-neg', orgId: 'org-b', userId: 'u-2', acus: -0.5 }), title: '=1+1' },
];

async function exported(name: string, sessions: Iterable<Session>): Promise<string> {
  const path = join(dir, `${name}.sessions.json.gz`);
  await pipeline(sessionsExport(sessions), createWriteStream(path));
  return path;
}

describe('the raw sessions export read back into a spool', () => {
  it('gives back every field of every session, in order, from a spool to a spool', async () => {
    const generated = generateDataset({
      seed: 5,
      sessions: 1_700,
      from: new Date('2026-10-01T00:00:00Z'),
      to: new Date('2026-11-01T00:00:00Z'),
    }).sessions.map(sessionFromWire);
    const original = spoolSessions(join(dir, 'original.spool'), [...ODD, ...generated]);
    const path = await exported('round-trip', original);
    const back = await spoolSessionsExport(createReadStream(path), join(dir, 'back.spool'), path);
    expect(back.count).toBe(original.count);
    expect([...back]).toEqual([...original]);
    // A spool reads again from the start: twice gives the same.
    expect([...back].map((s) => s.sessionId)).toEqual([...original].map((s) => s.sessionId));
  });

  it('reads the file already gunzipped, and an empty month', async () => {
    const path = await exported('odd', ODD);
    const plain = join(dir, 'odd.sessions.json');
    await writeFile(plain, gunzipSync(await readFile(path)));
    const back = await spoolSessionsExport(createReadStream(plain), join(dir, 'plain.spool'), plain);
    expect([...back]).toEqual(ODD);
    const empty = await exported('empty', []);
    expect((await spoolSessionsExport(createReadStream(empty), join(dir, 'empty.spool'), empty)).count).toBe(
      0,
    );
  });

  it.each([
    [
      'compact JSON, not the export layout',
      '[{"session_id":"a"}]',
      /line 1: expected "\[" on a line of its own/,
    ],
    ['a file cut short', '[\n{"a":1},\n', /line 2: .*session_id/],
    ['a file cut short after a whole record', `[\n${record('a')},\n`, /ends before the closing "\]"/],
    [
      'a record without a comma before the next',
      `[\n${record('a')}\n${record('b')}\n]\n`,
      /line 3: a record after one/,
    ],
    ['a bad field', `[\n${record('a', { acus_consumed: 'lots' })}\n]\n`, /line 2: acus_consumed/],
    ['nothing at all', '', /the file is empty/],
  ])('refuses %s, naming the line', async (_, text, problem) => {
    const body = Readable.from([gzipSync(text)]);
    const error = await spoolSessionsExport(body, join(dir, 'bad.spool'), 'bad.json.gz').catch((e) => e);
    expect(error).toBeInstanceOf(StoredReportError);
    expect((error as Error).message).toMatch(/^bad\.json\.gz: not a sessions export: /);
    expect((error as Error).message).toMatch(problem);
  });
});

function record(id: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    session_id: id,
    org_id: 'org-a',
    user_id: null,
    status: 'exit',
    title: '',
    tags: [],
    created_at: '2026-10-01T00:00:00.000Z',
    updated_at: '2026-10-01T00:00:00.000Z',
    acus_consumed: '1',
    url: null,
    pull_requests: [],
    ...fields,
  });
}
