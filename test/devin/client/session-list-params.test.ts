import { describe, expect, it } from 'vitest';
import { pageParams } from '#devin/client/page-params.js';
import { sessionListParams } from '#devin/client/session-list-params.js';

const period = { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-01T00:00:00Z') };

describe('sessionListParams', () => {
  it('sends ISO 8601 bounds and the largest page, and no order: the generated spec has none', () => {
    const params = sessionListParams(period);
    expect(params.get('created_date_to')).toBe('2025-03-01T00:00:00.000Z');
    expect(params.has('order')).toBe(false);
    expect(params.get('limit')).toBe('200');
  });

  it('starts one millisecond early so a server with an exclusive lower bound still returns sessions at `from`', () => {
    expect(sessionListParams(period).get('created_date_from')).toBe('2025-01-31T23:59:59.999Z');
  });

  it('sends a filter only when it has one value, and no tags: the generated spec has none (the client filters them)', () => {
    const params = sessionListParams({
      ...period,
      orgIds: ['org_a', 'org_b'],
      userIds: ['user_1'],
      sessionIds: ['s1', 's2', 's3'],
      tags: ['bug fix', 'a&b'],
    });
    // Repeated keys (the OpenAPI default) and commas (the SDKs) disagree past one value.
    expect(params.has('org_ids')).toBe(false);
    expect(params.getAll('user_ids')).toEqual(['user_1']);
    expect(params.has('session_ids')).toBe(false);
    expect(params.has('tags')).toBe(false);
    expect(sessionListParams({ ...period, orgIds: ['org_a', 'org_a'] }).getAll('org_ids')).toEqual(['org_a']);
  });

  it('leaves out filters that are absent or empty', () => {
    const keys = [...sessionListParams({ ...period, orgIds: [] }).keys()];
    expect(keys.sort()).toEqual(['created_date_from', 'created_date_to', 'limit']);
  });

  it('refuses an empty or invalid period', () => {
    expect(() => sessionListParams({ from: period.to, to: period.to })).toThrow(/empty/);
    expect(() => sessionListParams({ from: period.to, to: period.from })).toThrow(RangeError);
    expect(() => sessionListParams({ from: new Date(Number.NaN), to: period.to })).toThrow(/invalid/);
  });
});

describe('pageParams', () => {
  it('adds the offset without touching the read parameters', () => {
    const read = sessionListParams(period);
    const page = pageParams(read, 400);
    expect(page.get('skip')).toBe('400');
    expect(read.has('skip')).toBe(false);
    expect(pageParams(page, 600).getAll('skip')).toEqual(['600']);
  });
});
