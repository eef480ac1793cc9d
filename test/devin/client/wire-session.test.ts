import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { DevinDataError } from '#devin/client/devin-data-error.js';
import { sessionFromWire } from '#devin/client/wire-session.js';

const documented = {
  session_id: 'abc123',
  url: 'https://app.devin.ai/sessions/abc123',
  status: 'exit',
  title: 'Fix authentication bug',
  tags: ['bug-fix', 'auth'],
  user_id: 'user_456',
  org_id: 'org_789',
  created_at: '2024-01-15T10:30:00Z',
  updated_at: '2024-01-15T11:45:00Z',
  acus_consumed: 25.5,
  pull_requests: [
    { pr_url: 'https://github.com/example/repo/pull/123', pr_state: 'merged', state: 'merged' },
  ],
};

function dataErrorOf(item: unknown): DevinDataError {
  try {
    sessionFromWire(item);
  } catch (error) {
    if (error instanceof DevinDataError) return error;
    throw error;
  }
  throw new Error('expected a DevinDataError');
}

describe('sessionFromWire', () => {
  it('reads the documented example', () => {
    expect(sessionFromWire(documented)).toEqual({
      sessionId: 'abc123',
      url: 'https://app.devin.ai/sessions/abc123',
      status: 'exit',
      title: 'Fix authentication bug',
      tags: ['bug-fix', 'auth'],
      orgId: 'org_789',
      userId: 'user_456',
      createdAt: new Date('2024-01-15T10:30:00Z'),
      updatedAt: new Date('2024-01-15T11:45:00Z'),
      acus: acusFromNumber(25.5),
      acusReported: true,
      pullRequests: [{ url: 'https://github.com/example/repo/pull/123', state: 'merged' }],
    });
  });

  it('accepts the OpenAPI pull request shape {url, state}', () => {
    const session = sessionFromWire({
      ...documented,
      pull_requests: [{ url: 'https://github.com/x/y/pull/1', state: 'open' }],
    });
    expect(session.pullRequests).toEqual([{ url: 'https://github.com/x/y/pull/1', state: 'open' }]);
  });

  it('prefers pr_state over state in the documented shape and allows both to be missing', () => {
    const session = sessionFromWire({
      ...documented,
      pull_requests: [{ pr_url: 'u1', pr_state: 'closed', state: 'open' }, { pr_url: 'u2' }],
    });
    expect(session.pullRequests).toEqual([
      { url: 'u1', state: 'closed' },
      { url: 'u2', state: null },
    ]);
  });

  it('counts acus_consumed null as 0 and says it was not reported', () => {
    const session = sessionFromWire({ ...documented, acus_consumed: null });
    expect(session.acus).toBe(0n);
    expect(session.acusReported).toBe(false);
  });

  it('keeps statuses the docs do not list', () => {
    expect(sessionFromWire({ ...documented, status: 'hibernating' }).status).toBe('hibernating');
  });

  it('ignores fields it does not know', () => {
    const session = sessionFromWire({ ...documented, playbook_id: 'p1', structured_output: { a: 1 } });
    expect(Object.keys(session)).not.toContain('playbook_id');
  });

  it('reads absent display fields as empty', () => {
    const {
      url: _url,
      title: _title,
      tags: _tags,
      user_id: _user,
      pull_requests: _prs,
      ...minimal
    } = documented;
    const session = sessionFromWire(minimal);
    expect(session).toMatchObject({ url: null, title: '', tags: [], userId: null, pullRequests: [] });
  });

  it('keeps ACUs exact', () => {
    expect(sessionFromWire({ ...documented, acus_consumed: 0.1 }).acus).toBe(100_000_000_000n);
  });

  it('reads microsecond and offset timestamps as the instant they name', () => {
    const session = sessionFromWire({
      ...documented,
      created_at: '2024-01-15T10:30:00.123456Z',
      updated_at: '2024-01-15T12:45:00+01:00',
    });
    expect(session.createdAt.toISOString()).toBe('2024-01-15T10:30:00.123Z');
    expect(session.updatedAt.toISOString()).toBe('2024-01-15T11:45:00.000Z');
  });

  it('names the session, field and value when a required field is missing', () => {
    const { created_at: _, ...item } = documented;
    const error = dataErrorOf(item);
    expect(error).toMatchObject({
      name: 'DevinDataError',
      recordId: 'abc123',
      field: 'created_at',
      value: 'nothing',
    });
    expect(error.message).toContain('session abc123');
    expect(error.message).toContain('"created_at" is missing');
  });

  it('names the session, field and value when a field has the wrong type', () => {
    const error = dataErrorOf({ ...documented, acus_consumed: '25.5' });
    expect(error).toMatchObject({ recordId: 'abc123', field: 'acus_consumed', value: '"25.5"' });
  });

  it('refuses negative ACUs', () => {
    const error = dataErrorOf({ ...documented, acus_consumed: -1.5 });
    expect(error).toMatchObject({ recordId: 'abc123', field: 'acus_consumed', value: '-1.5' });
    expect(error.message).toContain('must not be negative');
  });

  it('refuses an absent acus_consumed: null is the vendor saying "none yet", absence is a changed shape', () => {
    const { acus_consumed: _, ...item } = documented;
    expect(dataErrorOf(item).field).toBe('acus_consumed');
  });

  it('refuses a timestamp that is not ISO 8601', () => {
    const error = dataErrorOf({ ...documented, updated_at: '15/01/2024 11:45' });
    expect(error).toMatchObject({ field: 'updated_at', value: '"15/01/2024 11:45"' });
  });

  it('points inside a malformed pull request', () => {
    const error = dataErrorOf({ ...documented, pull_requests: [{ state: 'open' }] });
    expect(error.field).toBe('pull_requests.0');
  });

  it('has no session to name when the id itself is missing', () => {
    const { session_id: _, ...item } = documented;
    const error = dataErrorOf(item);
    expect(error).toMatchObject({ recordId: null, field: 'session_id' });
  });

  it('refuses an item that is not an object', () => {
    expect(dataErrorOf('abc123').recordId).toBeNull();
  });
});
