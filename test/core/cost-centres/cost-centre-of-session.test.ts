import { describe, expect, it } from 'vitest';
import { costCentreOfSession } from '#core/cost-centres/cost-centre-of-session.js';
import { costCentreMap } from './map-fixture.js';

const MAP = costCentreMap(
  'org-a,,CC-A,Alpha,6100,a@example.com,',
  ',security,CC-SEC,Security,6900,s@example.com,',
  ',proj-x,CC-X,Project X,6800,x@example.com,',
  ',proj-a,CC-A,Alpha,6100,a@example.com,',
);

describe('costCentreOfSession', () => {
  it('charges a session to its org by the org rule', () => {
    expect(costCentreOfSession(MAP, { orgId: 'org-a', tags: ['docs'] })).toEqual({
      code: 'CC-A',
      rule: 'org',
      conflict: false,
    });
  });

  it('lets a tag rule win over the org rule', () => {
    expect(costCentreOfSession(MAP, { orgId: 'org-a', tags: ['docs', 'proj-x'] })).toEqual({
      code: 'CC-X',
      rule: 'tag',
      tag: 'proj-x',
      conflict: false,
    });
  });

  it('gives a session with tags of two cost centres wholly to the rule higher in the file, and flags it', () => {
    // proj-x is listed before security on the session, but security's row comes first in the map.
    expect(costCentreOfSession(MAP, { orgId: 'org-a', tags: ['proj-x', 'security'] })).toEqual({
      code: 'CC-SEC',
      rule: 'tag',
      tag: 'security',
      conflict: true,
    });
  });

  it('is no conflict when two matching tags name the same cost centre', () => {
    expect(costCentreOfSession(MAP, { orgId: 'org-b', tags: ['proj-a', 'proj-a'] })).toMatchObject({
      code: 'CC-A',
      conflict: false,
    });
  });

  it('sends an org the map does not know, without a matching tag, to Unmapped', () => {
    expect(costCentreOfSession(MAP, { orgId: 'org-b', tags: [] })).toEqual({
      code: 'Unmapped',
      rule: 'unmapped',
      conflict: false,
    });
    expect(costCentreOfSession(MAP, { orgId: 'org-b', tags: ['security'] }).code).toBe('CC-SEC');
  });

  it('sends an org no row names to the catch-all row (org_id "*"), after tag and org rules', () => {
    const withCatchAll = costCentreMap(
      'org-a,,CC-A,Alpha,6100,a@example.com,',
      ',security,CC-SEC,Security,6900,s@example.com,',
      '*,,CC-900,Other Devin usage,6900,f@example.com,',
    );
    expect(withCatchAll.orgRules.has('*')).toBe(false);
    expect(costCentreOfSession(withCatchAll, { orgId: 'org-b', tags: [] })).toEqual({
      code: 'CC-900',
      rule: 'catch-all',
      conflict: false,
    });
    expect(costCentreOfSession(withCatchAll, { orgId: 'org-a', tags: [] }).code).toBe('CC-A');
    expect(costCentreOfSession(withCatchAll, { orgId: 'org-b', tags: ['security'] }).code).toBe('CC-SEC');
    expect(() =>
      costCentreMap('*,,CC-900,Other,6900,f@example.com,', '*,,CC-901,Other,6901,f@example.com,'),
    ).toThrow(/"\*" is already the catch-all on line 2/);
  });
});
