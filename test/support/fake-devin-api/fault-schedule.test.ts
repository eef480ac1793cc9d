import { describe, expect, it } from 'vitest';
import type { IncomingRequest } from '#devin/fake/exchange.js';
import { FaultPlanError, FaultSchedule } from './fault-schedule.js';

function request(path: string, index = 0): IncomingRequest {
  return { index, method: 'GET', path, url: path, query: {}, headers: {}, authorized: true, at: new Date(0) };
}

describe('FaultSchedule', () => {
  it('answers normally without a plan', () => {
    expect(new FaultSchedule({}).next(request('/v2/enterprise/sessions'))).toBeNull();
  });

  it('applies a rule with no path to any path', () => {
    const schedule = new FaultSchedule({ script: [{ fault: { kind: 'reset' } }] });
    expect(schedule.next(request('/anything'))).toEqual({ kind: 'reset' });
  });

  it('lets a rule that does not match leave its uses for a later request', () => {
    const schedule = new FaultSchedule({ script: [{ fault: { kind: 'hang' }, when: (r) => r.index === 2 }] });
    expect([0, 1, 2, 3].map((index) => schedule.next(request('/x', index))?.kind ?? null)).toEqual([
      null,
      null,
      'hang',
      null,
    ]);
  });

  it('gives the rate no say in paths it does not name', () => {
    const schedule = new FaultSchedule({
      rate: { probability: 1, seed: 3, faults: [{ kind: 'reset' }], path: '/v2/enterprise/members' },
    });
    expect(schedule.next(request('/v2/enterprise/sessions'))).toBeNull();
    expect(schedule.next(request('/v2/enterprise/members'))).toEqual({ kind: 'reset' });
  });

  it('never applies a random mutate-page outside the sessions endpoint', () => {
    const schedule = new FaultSchedule({
      rate: { probability: 1, seed: 3, faults: [{ kind: 'mutate-page', mutate: (items) => items }] },
    });
    expect(schedule.next(request('/v2/enterprise/members'))).toBeNull();
    expect(schedule.next(request('/v2/enterprise/sessions'))?.kind).toBe('mutate-page');
  });

  it.each([
    [{ script: [{ fault: { kind: 'reset' as const }, times: 0 }] }, /times/],
    [{ script: [{ fault: { kind: 'reset' as const }, times: 1.5 }] }, /times/],
    [{ rate: { probability: 1.5, seed: 1, faults: [{ kind: 'reset' as const }] } }, /probability/],
    [{ rate: { probability: Number.NaN, seed: 1, faults: [{ kind: 'reset' as const }] } }, /probability/],
    [{ rate: { probability: 0.1, seed: 1, faults: [] } }, /at least one fault/],
  ])('refuses an unusable plan %#', (plan, message) => {
    expect(() => new FaultSchedule(plan)).toThrow(FaultPlanError);
    expect(() => new FaultSchedule(plan)).toThrow(message);
  });
});
