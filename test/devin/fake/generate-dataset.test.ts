import { describe, expect, it } from 'vitest';
import { generateDataset } from '#devin/fake/generate-dataset.js';

const MONTH = { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-01T00:00:00Z') };

describe('generateDataset', () => {
  it('is the same for the same options', () => {
    const options = { seed: 7, sessions: 2_000, ...MONTH };
    expect(generateDataset(options)).toEqual(generateDataset(options));
  });

  it('differs with the seed, IDs included', () => {
    const one = generateDataset({ seed: 1, sessions: 50, ...MONTH });
    const two = generateDataset({ seed: 2, sessions: 50, ...MONTH });
    expect(one.sessions).not.toEqual(two.sessions);
    const idsOfOne = new Set(one.sessions.map((session) => session.session_id));
    expect(two.sessions.some((session) => idsOfOne.has(session.session_id))).toBe(false);
  });

  it('crowds sessions into weekday working hours on the working-week rhythm, within [from, to)', () => {
    const { sessions } = generateDataset({ seed: 5, sessions: 20_000, ...MONTH, rhythm: 'working-week' });
    const working = (ms: number) => {
      const at = new Date(ms);
      return at.getUTCDay() % 6 !== 0 && at.getUTCHours() >= 9 && at.getUTCHours() < 18;
    };
    const created = sessions.map((s) => Date.parse(s.created_at));
    expect(created.every((t) => t >= MONTH.from.getTime() && t < MONTH.to.getTime())).toBe(true);
    // February 2025: 20 weekdays. Working hours 20 × 9 h at rate 20, other weekday hours
    // 20 × 15 h at 4, weekend 8 × 24 h at 1: 3,600 of 4,992 parts, 72 %.
    const share = created.filter(working).length / created.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.74);
    const uniform = generateDataset({ seed: 5, sessions: 20_000, ...MONTH }).sessions;
    const uniformShare = uniform.filter((s) => working(Date.parse(s.created_at))).length / uniform.length;
    expect(uniformShare).toBeLessThan(0.3);
  });

  it('makes the number of sessions asked for, with unique IDs, created in [from, to)', () => {
    const { sessions } = generateDataset({ seed: 3, sessions: 20_000, ...MONTH });
    expect(sessions).toHaveLength(20_000);
    expect(new Set(sessions.map((session) => session.session_id)).size).toBe(20_000);
    for (const session of sessions) {
      const created = Date.parse(session.created_at);
      expect(created >= MONTH.from.getTime() && created < MONTH.to.getTime()).toBe(true);
      expect(Date.parse(session.updated_at)).toBeGreaterThanOrEqual(created);
    }
  });

  it('stays inside a range shorter than a second', () => {
    const from = new Date('2025-02-01T00:00:00.200Z');
    const to = new Date('2025-02-01T00:00:00.400Z');
    for (const session of generateDataset({ seed: 5, sessions: 100, from, to }).sessions) {
      expect(Date.parse(session.created_at)).toBeGreaterThanOrEqual(from.getTime());
      expect(Date.parse(session.created_at)).toBeLessThan(to.getTime());
    }
  });

  it('attributes every session to a listed org and member', () => {
    const data = generateDataset({ seed: 4, sessions: 500, ...MONTH, orgs: 3, usersPerOrg: 2 });
    expect(data.organizations).toHaveLength(3);
    expect(data.members).toHaveLength(6);
    const orgIds = new Set(data.organizations.map((org) => org.org_id));
    const userIds = new Set(data.members.map((member) => member.user_id));
    expect(data.sessions.every((session) => orgIds.has(session.org_id))).toBe(true);
    expect(data.sessions.every((session) => session.user_id !== null && userIds.has(session.user_id))).toBe(
      true,
    );
  });

  it('spreads usage unevenly across orgs, with both PR shapes and a few null ACUs', () => {
    const { sessions, organizations } = generateDataset({ seed: 9, sessions: 10_000, ...MONTH });
    const perOrg = organizations.map(
      (org) => sessions.filter((session) => session.org_id === org.org_id).length,
    );
    expect(Math.max(...perOrg)).toBeGreaterThan(2 * Math.min(...perOrg));
    const pullRequests = sessions.flatMap((session) => session.pull_requests);
    expect(pullRequests.some((pr) => 'pr_url' in pr)).toBe(true);
    expect(pullRequests.some((pr) => !('pr_url' in pr))).toBe(true);
    const nulls = sessions.filter((session) => session.acus_consumed === null).length;
    expect(nulls).toBeGreaterThan(0);
    expect(nulls).toBeLessThan(200);
  });

  it.each([
    [{ sessions: -1 }, /sessions/],
    [{ sessions: 1.5 }, /sessions/],
    [{ from: MONTH.to, to: MONTH.from }, /from must be before to/],
    [{ orgs: 0 }, /orgs/],
    [{ usersPerOrg: 0 }, /usersPerOrg/],
  ])('refuses impossible options %#', (override, message) => {
    expect(() => generateDataset({ seed: 1, sessions: 10, ...MONTH, ...override })).toThrow(message);
  });
});
