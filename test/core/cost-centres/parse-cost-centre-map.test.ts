import { describe, expect, it } from 'vitest';
import { CostCentreMapError } from '#core/cost-centres/cost-centre-map-error.js';
import { parseCostCentreMap } from '#core/cost-centres/parse-cost-centre-map.js';

const HEADER = 'org_id,tag,cost_centre,cost_centre_name,gl_account,owner_email,legal_entity';

function problemsOf(text: string) {
  try {
    parseCostCentreMap(text, 'map.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(CostCentreMapError);
    return (error as CostCentreMapError).problems;
  }
  throw new Error('the map was accepted');
}

describe('parseCostCentreMap', () => {
  it('reads a spreadsheet export: BOM, CRLF, quotes, blank lines, columns in any order and case', () => {
    const map = parseCostCentreMap(
      '\ufeffCost_Centre,ORG_ID,gl_account,cost_centre_name,owner_email\r\n' +
        'CC-1,org-a,6100,"Payments, core",A@Example.com; b@example.com\r\n\r\n' +
        'CC-1,org-b,6100,"Payments, core",c@example.com\r\n',
      'map.csv',
    );
    expect(map.orgRules).toEqual(
      new Map([
        ['org-a', { code: 'CC-1', line: 2 }],
        ['org-b', { code: 'CC-1', line: 4 }],
      ]),
    );
    // Owners of every row of a cost centre, lower-cased, once each.
    expect(map.costCentres.get('CC-1')).toEqual({
      code: 'CC-1',
      name: 'Payments, core',
      glAccount: '6100',
      owners: ['a@example.com', 'b@example.com', 'c@example.com'],
      legalEntity: null,
    });
    expect(map.tagRules.size).toBe(0);
    expect(map.source).toBe('map.csv');
  });

  it('keeps tag rules in file order, keyed by tag', () => {
    const map = parseCostCentreMap(
      [
        HEADER,
        ',proj-x,CC-9,Project X,6900,x@example.com,US01',
        'org-a,,CC-1,Pay,6100,a@example.com,US01',
      ].join('\n'),
      'map.csv',
    );
    expect([...map.tagRules]).toEqual([['proj-x', { code: 'CC-9', line: 2 }]]);
    expect(map.costCentres.get('CC-9')?.legalEntity).toBe('US01');
  });

  it('names unknown and missing columns on line 1', () => {
    expect(problemsOf('org_id,cost_center,gl_account\norg-a,CC,6100\n')).toEqual([
      {
        line: 1,
        field: 'cost_center',
        problem: expect.stringMatching(/is not a known column \(known: org_id, tag/),
      },
      { line: 1, field: 'cost_centre', problem: 'is a required column and is missing' },
      { line: 1, field: 'cost_centre_name', problem: 'is a required column and is missing' },
      { line: 1, field: 'owner_email', problem: 'is a required column and is missing' },
    ]);
    expect(
      problemsOf('cost_centre,cost_centre_name,gl_account,owner_email\nCC,n,6100,a@example.com\n'),
    ).toEqual([{ line: 1, field: 'org_id', problem: 'is missing: the map needs an org_id or a tag column' }]);
  });

  it('names every bad row by line and column, all at once', () => {
    const problems = problemsOf(
      [
        HEADER,
        'org-a,,CC-1,Pay,6100,a@example.com,US01',
        'org-a,,CC-2,Other,6200,b@example.com,US01',
        ',proj,CC-3,P,6300,not-an-email,US01',
        ',proj,CC-3,P,6300,c@example.com,US01',
        'org-b,,,Empty code,6400,d@example.com,US01',
        'org-c,,CC-5,No account,,e@example.com,US01',
        'org-d,,CC-6,No owner,6600,,US01',
        'org-e,tag-e,CC-7,Both keys,6700,f@example.com,US01',
        ',,CC-8,No key,6800,g@example.com,US01',
        'org-f,,CC-1,Pay,6199,a@example.com,US01',
        'org-g,,Unmapped,Reserved,6000,h@example.com,US01',
        'org-h,,CC-9,Too many,6900,i@example.com,US01,extra',
      ].join('\n'),
    );
    expect(problems).toEqual([
      { line: 3, field: 'org_id', problem: '"org-a" is already mapped on line 2' },
      { line: 4, field: 'owner_email', problem: '"not-an-email" is not an email address' },
      { line: 6, field: 'cost_centre', problem: 'is empty' },
      { line: 7, field: 'gl_account', problem: 'is empty' },
      { line: 8, field: 'owner_email', problem: 'is empty: name at least one budget owner' },
      { line: 9, field: 'tag', problem: 'is set together with org_id: a row is keyed by one of them' },
      { line: 10, field: 'org_id', problem: 'is empty: give an org_id or a tag' },
      { line: 11, field: 'gl_account', problem: '"6199" differs from "6100" given for CC-1 on line 2' },
      { line: 12, field: 'cost_centre', problem: '"Unmapped" is reserved for usage the map does not cover' },
      { line: 13, field: 'row', problem: 'has 8 fields; the header has 7' },
    ]);
  });

  it('refuses a duplicate tag like a duplicate org', () => {
    expect(
      problemsOf([HEADER, ',p,CC-1,P,6100,a@example.com,', ',p,CC-2,Q,6200,b@example.com,'].join('\n')),
    ).toEqual([{ line: 3, field: 'tag', problem: '"p" is already mapped on line 2' }]);
  });

  it('says what is wrong with an empty file, a header alone and broken quoting', () => {
    expect(problemsOf('')).toEqual([{ line: 1, field: 'file', problem: 'is empty: expected a header row' }]);
    expect(problemsOf(`${HEADER}\n`)).toEqual([
      { line: 2, field: 'file', problem: 'has a header but no rows' },
    ]);
    expect(problemsOf(`${HEADER}\norg-a,,"CC-1,Pay,6100,a@example.com,US01\n`)[0]).toMatchObject({
      field: 'file',
      problem: expect.stringMatching(/^is not valid CSV/),
    });
  });

  it('puts the source and each problem in the message a person reads', () => {
    expect(() => parseCostCentreMap(`${HEADER}\norg-a,,CC-1,Pay,6100,bad@,US01\n`, 's3://b/map.csv')).toThrow(
      'cost-centre map: s3://b/map.csv has a problem: line 2, owner_email: "bad@" is not an email address',
    );
  });
});
