import { describe, expect, it } from 'vitest';
import { PLAN_MARGIN, planRun, sessionsPerInvocation } from '#core/scale/plan-run.js';
import { RUN_COST } from '#core/scale/run-cost.js';

const period = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') };
const fresh = { remainingMs: 15 * 60_000, memoryBytes: 2048 * 1024 * 1024 };

describe('planRun', () => {
  it('keeps a month that fits with margin in this invocation', () => {
    const capacity = sessionsPerInvocation(fresh);
    // (15 min − 1 min reserve) × ½ ÷ 250 µs = 1.68 M by time; (2 GiB × 0.7 − 500 MiB) ÷ 400 B ≈ 2.4 M by memory.
    expect(RUN_COST.microsecondsPerSession).toBe(250);
    expect(capacity).toBe(1_680_000);
    expect(capacity).toBeLessThan(Math.floor((2048 * 1024 * 1024 * 0.7 - RUN_COST.baselineBytes) / 400));
    expect(planRun({ period, expectedSessions: capacity, budget: fresh })).toEqual({
      kind: 'single',
      expectedSessions: capacity,
      capacity,
    });
  });

  it('hands a month beyond the margin to windows that each expect a fraction of an invocation', () => {
    const capacity = sessionsPerInvocation(fresh);
    const plan = planRun({ period, expectedSessions: 5_000_000, budget: fresh });
    if (plan.kind !== 'distributed') throw new Error('expected a distributed plan');
    expect(plan.windows.length).toBe(Math.ceil(5_000_000 / Math.floor(capacity * PLAN_MARGIN.windowFill)));
    expect(plan.windows[0]?.from).toEqual(period.from);
    expect(plan.windows.at(-1)?.to).toEqual(period.to);
  });

  it('decides on the time left: a run that starts late hands over sooner', () => {
    const late = { ...fresh, remainingMs: 90_000 };
    // (1.5 min − 1 min) × ½ ÷ 250 µs = 60 k sessions by time, fewer than memory allows.
    expect(sessionsPerInvocation(late)).toBe(60_000);
    expect(sessionsPerInvocation({ ...fresh, remainingMs: 30_000 })).toBe(0);
    expect(planRun({ period, expectedSessions: 1, budget: { ...fresh, remainingMs: 30_000 } }).kind).toBe(
      'distributed',
    );
  });

  it('uses a deployment override of the capacity, and never fewer than two or more than the maximum windows', () => {
    const small = planRun({ period, expectedSessions: 11, budget: fresh, sessionsPerInvocation: 10 });
    expect(small.kind === 'distributed' && small.windows.length).toBe(6);
    const barely = planRun({ period, expectedSessions: 101, budget: fresh, sessionsPerInvocation: 100 });
    expect(barely.kind === 'distributed' && barely.windows.length).toBe(5);
    const huge = planRun({ period, expectedSessions: 10_000_000, budget: fresh, sessionsPerInvocation: 1 });
    expect(huge.kind === 'distributed' && huge.windows.length).toBe(PLAN_MARGIN.maxWindows);
    const two = planRun({ period, expectedSessions: 5, budget: fresh, sessionsPerInvocation: 4 });
    expect(two.kind === 'distributed' && two.windows.length).toBe(5);
    const fits = planRun({ period, expectedSessions: 10, budget: fresh, sessionsPerInvocation: 10 });
    expect(fits.kind).toBe('single');
  });

  it('refuses a count or an override that is not a whole number', () => {
    expect(() => planRun({ period, expectedSessions: -1, budget: fresh })).toThrow(/expectedSessions/);
    expect(() => planRun({ period, expectedSessions: 1, budget: fresh, sessionsPerInvocation: 0 })).toThrow(
      /SESSIONS_PER_INVOCATION/,
    );
  });
});
