import { describe, expect, it } from 'vitest';
import { DEMO_TRICKY_TITLES, demoDataset } from '#devin/fake/demo-dataset.js';
import type { WireSession } from '#devin/fake/wire.js';

const NOW = new Date('2026-11-17T10:30:00Z');
const demo = demoDataset(NOW);
const inMonth = (month: string) => demo.sessions.filter((session) => session.created_at.startsWith(month));
const share = (part: number, whole: number) => part / whole;
const fingerprint = ({ session_id, created_at, acus_consumed, title, org_id, user_id }: WireSession) => ({
  session_id,
  created_at,
  acus_consumed,
  title,
  org_id,
  user_id,
});

describe('demoDataset', () => {
  it('is the same for the same instant', () => {
    expect(demoDataset(new Date(NOW))).toEqual(demo);
  });

  it('keeps past months the same whichever later day it runs on', () => {
    const later = demoDataset(new Date('2026-12-02T08:00:00Z'));
    const october = (sessions: readonly WireSession[]) =>
      sessions.filter((session) => session.created_at.startsWith('2026-10')).map(fingerprint);
    expect(october(later.sessions)).toEqual(october(demo.sessions));
  });

  it('covers the four calendar months before now and the current month up to now', () => {
    const months = new Set(demo.sessions.map((session) => session.created_at.slice(0, 7)));
    expect([...months].sort()).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(demo.sessions.length).toBeGreaterThan(2_000);
    expect(demo.sessions.length).toBeLessThan(5_000);
    for (const session of demo.sessions) {
      expect(Date.parse(session.created_at)).toBeLessThanOrEqual(NOW.getTime());
      expect(Date.parse(session.updated_at)).toBeLessThanOrEqual(NOW.getTime());
      expect(Date.parse(session.updated_at)).toBeGreaterThanOrEqual(Date.parse(session.created_at));
    }
  });

  it('gives every session a unique ID', () => {
    expect(new Set(demo.sessions.map((session) => session.session_id)).size).toBe(demo.sessions.length);
  });

  it('has named orgs whose usage differs visibly', () => {
    expect(demo.organizations.map((org) => org.org_name)).toEqual([
      'Payments Platform',
      'Data & ML',
      'Mobile Apps',
      'Growth',
      'Internal Tools',
    ]);
    const acusOf = (orgId: string) =>
      demo.sessions.filter((s) => s.org_id === orgId).reduce((sum, s) => sum + (s.acus_consumed ?? 0), 0);
    const perOrg = demo.organizations.map((org) => acusOf(org.org_id));
    expect(Math.max(...perOrg)).toBeGreaterThan(2.5 * Math.min(...perOrg));
  });

  it('has 36 members, a couple of them working in two orgs, and one without a name', () => {
    expect(demo.members).toHaveLength(36);
    expect(new Set(demo.members.map((member) => member.email)).size).toBe(36);
    const orgsOf = new Map<string, Set<string>>();
    for (const session of demo.sessions) {
      if (session.user_id === null) continue;
      orgsOf.set(session.user_id, (orgsOf.get(session.user_id) ?? new Set()).add(session.org_id));
    }
    expect([...orgsOf.values()].filter((orgs) => orgs.size === 2)).toHaveLength(2);
    const nameless = demo.members.filter((member) => member.name === null);
    expect(nameless).toHaveLength(1);
    expect(inMonth('2026-10').some((session) => session.user_id === nameless[0]?.user_id)).toBe(true);
  });

  it('has right-skewed ACUs to the cent, and a handful reported as null', () => {
    const acus = demo.sessions.flatMap((session) =>
      session.acus_consumed === null ? [] : [session.acus_consumed],
    );
    expect(share(acus.filter((value) => value >= 0.5 && value <= 15).length, acus.length)).toBeGreaterThan(
      0.85,
    );
    expect(acus.filter((value) => value >= 40).length).toBeGreaterThan(10);
    expect(Math.max(...acus)).toBeLessThanOrEqual(120);
    expect(acus.every((value) => Math.round(value * 100) / 100 === value && value > 0)).toBe(true);
    const nulls = demo.sessions.length - acus.length;
    expect(nulls).toBeGreaterThanOrEqual(3);
    expect(nulls).toBeLessThanOrEqual(10);
  });

  it('tags about a fifth of sessions with nothing and some with two or three realistic tags', () => {
    const tags = new Set(demo.sessions.flatMap((session) => session.tags));
    expect([...tags].sort()).toEqual([
      'bug-fix',
      'docs',
      'feature',
      'migration',
      'refactor',
      'security',
      'tests',
    ]);
    const untagged = share(demo.sessions.filter((s) => s.tags.length === 0).length, demo.sessions.length);
    expect(untagged).toBeGreaterThan(0.15);
    expect(untagged).toBeLessThan(0.25);
    expect(demo.sessions.some((session) => session.tags.length === 3)).toBe(true);
    expect(demo.sessions.every((session) => new Set(session.tags).size === session.tags.length)).toBe(true);
  });

  it('is mostly finished sessions, with some errors, sleeping and running ones', () => {
    const count = (status: string) => demo.sessions.filter((session) => session.status === status).length;
    expect(share(count('exit'), demo.sessions.length)).toBeGreaterThan(0.7);
    for (const status of ['error', 'suspended', 'running']) expect(count(status)).toBeGreaterThan(0);
  });

  it('has pull requests on about half of sessions, in both of the vendor shapes', () => {
    const withPr = share(
      demo.sessions.filter((s) => s.pull_requests.length > 0).length,
      demo.sessions.length,
    );
    expect(withPr).toBeGreaterThan(0.4);
    expect(withPr).toBeLessThan(0.65);
    const prs = demo.sessions.flatMap((session) => session.pull_requests);
    expect(prs.some((pr) => 'pr_url' in pr && 'pr_state' in pr)).toBe(true);
    expect(prs.some((pr) => !('pr_url' in pr) && 'url' in pr)).toBe(true);
  });

  it('puts sessions exactly on the first instant of each month and on the last second of past months', () => {
    const created = new Set(demo.sessions.map((session) => session.created_at));
    for (const month of ['07', '08', '09', '10', '11'])
      expect(created.has(`2026-${month}-01T00:00:00Z`)).toBe(true);
    expect(created.has('2026-10-31T23:59:59Z')).toBe(true);
  });

  it('has, in the month a report covers, each tricky title exactly once', () => {
    const titles = inMonth('2026-10').map((session) => session.title);
    for (const title of Object.values(DEMO_TRICKY_TITLES)) {
      expect(titles.filter((candidate) => candidate === title)).toHaveLength(1);
    }
    expect(DEMO_TRICKY_TITLES).toEqual({
      formula: '=HYPERLINK("http://example.com","click")',
      html: '<script>alert(1)</script> & "quotes"',
      nonAscii: 'Überarbeitung der Zahlungs-API — Teil 2',
    });
  });
});
