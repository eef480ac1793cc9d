import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '#core/session.js';
import { openSpooledSessions, SessionSpoolWriter, spoolSessions } from '#spool/session-spool.js';
import { SpoolFormatError } from '#spool/spool-format-error.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spool-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const full: Session = {
  sessionId: 'devin-0001',
  url: 'https://app.devin.ai/sessions/0001',
  status: 'exit',
  title: 'Fix the “flaky” test — ünïcødé 🚀, "quotes", \\ and\nnewlines',
  tags: ['ci', 'payments'],
  orgId: 'org-a',
  userId: 'service-user-9',
  userKind: 'service-user',
  createdAt: new Date('2026-10-31T23:59:59.999Z'),
  updatedAt: new Date('2026-11-01T00:00:00.001Z'),
  acus: 123_456_789_012_345_678_901n,
  acusReported: true,
  pullRequests: [
    { url: 'https://github.com/o/r/pull/1', state: 'merged' },
    { url: 'https://github.com/o/r/pull/2', state: null },
  ],
};
const sparse: Session = {
  sessionId: 'devin-0002',
  url: null,
  status: 'some-new-status',
  title: '',
  tags: [],
  orgId: 'org-b',
  userId: null,
  createdAt: new Date('2026-10-01T00:00:00Z'),
  updatedAt: new Date('2026-10-01T00:00:00Z'),
  acus: 0n,
  acusReported: false,
  pullRequests: [],
};

describe('session spool', () => {
  it('round-trips every field, exactly, including a service user and a session with nothing optional', () => {
    const spool = spoolSessions(join(dir, 's.spool'), [full, sparse]);
    expect(spool.count).toBe(2);
    expect([...spool]).toEqual([full, sparse]);
    // Re-iterable: every for…of reads the file from the start.
    expect([...spool]).toEqual([full, sparse]);
  });

  it('keeps records intact across read chunks, multi-byte characters included', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => ({
      ...full,
      sessionId: `devin-${i}`,
      title: `${'é'.repeat(i % 97)}🚀${i}`,
    }));
    const spool = spoolSessions(join(dir, 'many.spool'), many);
    let i = 0;
    for (const session of spool) {
      expect(session.title).toBe(many[i]?.title);
      i += 1;
    }
    expect(i).toBe(many.length);
    expect(openSpooledSessions(spool.path).count).toBe(many.length);
  });

  it('appends in order and says each index', () => {
    const writer = new SessionSpoolWriter(join(dir, 'w.spool'));
    expect(writer.append(sparse)).toBe(0);
    expect(writer.append(full)).toBe(1);
    expect([...writer.finish()].map((s) => s.sessionId)).toEqual(['devin-0002', 'devin-0001']);
  });

  it('refuses a cut-short file and a line it did not write, naming the file and line', async () => {
    const spool = spoolSessions(join(dir, 'cut.spool'), [full, sparse]);
    const bytes = await readFile(spool.path);
    await truncate(spool.path, bytes.length - 5);
    expect(() => [...spool]).toThrow(SpoolFormatError);
    expect(() => [...spool]).toThrow(/cut\.spool, line 2: the file ends in the middle of a record/);

    const foreign = join(dir, 'foreign.spool');
    await writeFile(foreign, '{"session_id":"x"}\n');
    expect(() => [...openSpooledSessions(foreign)]).toThrow(
      /foreign\.spool, line 1: not a 12-field session record/,
    );
  });
});
