import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { CostCentre, CostCentreMap, CostCentreRule } from './cost-centre-map.js';
import { CATCH_ALL_ORG_ID, UNATTRIBUTED_CODE, UNMAPPED_CODE } from './cost-centre-map.js';
import { CostCentreMapError, type MapProblem } from './cost-centre-map-error.js';

const REQUIRED = ['cost_centre', 'cost_centre_name', 'gl_account', 'owner_email'] as const;
const KEYS = ['org_id', 'tag'] as const;
const OPTIONAL = ['legal_entity'] as const;
const KNOWN: readonly string[] = [...KEYS, ...REQUIRED, ...OPTIONAL];
const RESERVED = new Set([UNMAPPED_CODE, UNATTRIBUTED_CODE].map((code) => code.toLowerCase()));
const email = z.email();

type Column = (typeof KNOWN)[number];

/**
 * Reads the CSV finance keeps in a spreadsheet:
 * `org_id` or `tag`, `cost_centre`, `cost_centre_name`, `gl_account`,
 * `owner_email` (one or more, `;`-separated), optional `legal_entity`.
 * One row may have `org_id` `*`: the catch-all for orgs no other row names.
 * Column order is free, names are case-insensitive, blank lines are skipped.
 * A cost centre named on several rows must carry the same name, account and
 * entity on each; its owners are the union.
 *
 * @throws CostCentreMapError listing every problem by line and column
 */
export function parseCostCentreMap(text: string, source: string): CostCentreMap {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new CostCentreMapError(source, [
      { line, field: 'file', problem: `is not valid CSV (${(error as Error).message})` },
    ]);
  }
  const [header, ...rows] = records;
  if (header === undefined) {
    throw new CostCentreMapError(source, [
      { line: 1, field: 'file', problem: 'is empty: expected a header row' },
    ]);
  }
  const problems: MapProblem[] = [];
  const columns = readHeader(header.record, problems);
  if (rows.length === 0) problems.push({ line: 2, field: 'file', problem: 'has a header but no rows' });
  if (problems.length > 0) throw new CostCentreMapError(source, problems);

  const costCentres = new Map<string, CostCentre & { line: number }>();
  const orgRules = new Map<string, CostCentreRule>();
  const tagRules = new Map<string, CostCentreRule>();
  let catchAll: CostCentreRule | undefined;
  for (const { record, info } of rows) {
    const line = info.lines;
    const at = (field: Column) => {
      const index = columns.get(field);
      return index === undefined ? '' : (record[index] ?? '').trim();
    };
    if (record.length > columns.size) {
      problems.push({
        line,
        field: 'row',
        problem: `has ${record.length} fields; the header has ${columns.size}`,
      });
      continue;
    }
    const rule = ruleKey(at('org_id'), at('tag'), line, problems);
    const costCentre = rowCostCentre(at, line, problems);
    if (rule === undefined || costCentre === undefined) continue;
    const rules = rule.kind === 'org_id' ? orgRules : tagRules;
    const earlier = rules.get(rule.key);
    if (earlier !== undefined) {
      problems.push({
        line,
        field: rule.kind,
        problem: `${JSON.stringify(rule.key)} is already mapped on line ${earlier.line}`,
      });
      continue;
    }
    if (rule.kind === 'org_id' && rule.key === CATCH_ALL_ORG_ID) {
      if (catchAll !== undefined) {
        problems.push({
          line,
          field: 'org_id',
          problem: `"*" is already the catch-all on line ${catchAll.line}`,
        });
        continue;
      }
      catchAll = { code: costCentre.code, line };
      mergeCostCentre(costCentres, costCentre, line, problems);
      continue;
    }
    rules.set(rule.key, { code: costCentre.code, line });
    mergeCostCentre(costCentres, costCentre, line, problems);
  }
  if (problems.length > 0) throw new CostCentreMapError(source, problems);
  return {
    source,
    text,
    costCentres: new Map([...costCentres].map(([code, { line: _line, ...centre }]) => [code, centre])),
    orgRules,
    tagRules,
    ...(catchAll !== undefined && { catchAll }),
  };
}

function readHeader(cells: readonly string[], problems: MapProblem[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    if (!KNOWN.includes(name)) {
      problems.push({
        line: 1,
        field: cell,
        problem: `is not a known column (known: ${KNOWN.join(', ')})`,
      });
    } else if (columns.has(name)) {
      problems.push({ line: 1, field: cell, problem: 'appears twice in the header' });
    } else {
      columns.set(name, index);
    }
  });
  for (const name of REQUIRED) {
    if (!columns.has(name))
      problems.push({ line: 1, field: name, problem: 'is a required column and is missing' });
  }
  if (!KEYS.some((key) => columns.has(key))) {
    problems.push({
      line: 1,
      field: 'org_id',
      problem: 'is missing: the map needs an org_id or a tag column',
    });
  }
  return columns;
}

function ruleKey(
  orgId: string,
  tag: string,
  line: number,
  problems: MapProblem[],
): { kind: 'org_id' | 'tag'; key: string } | undefined {
  if (orgId !== '' && tag !== '') {
    problems.push({
      line,
      field: 'tag',
      problem: 'is set together with org_id: a row is keyed by one of them',
    });
    return undefined;
  }
  if (orgId === '' && tag === '') {
    problems.push({ line, field: 'org_id', problem: 'is empty: give an org_id or a tag' });
    return undefined;
  }
  return orgId !== '' ? { kind: 'org_id', key: orgId } : { kind: 'tag', key: tag };
}

function rowCostCentre(
  at: (field: Column) => string,
  line: number,
  problems: MapProblem[],
): CostCentre | undefined {
  const before = problems.length;
  const code = at('cost_centre');
  if (code === '') problems.push({ line, field: 'cost_centre', problem: 'is empty' });
  else if (RESERVED.has(code.toLowerCase())) {
    problems.push({
      line,
      field: 'cost_centre',
      problem: `${JSON.stringify(code)} is reserved for usage the map does not cover`,
    });
  }
  const glAccount = at('gl_account');
  if (glAccount === '') problems.push({ line, field: 'gl_account', problem: 'is empty' });
  const owners = at('owner_email')
    .split(';')
    .map((owner) => owner.trim().toLowerCase())
    .filter((owner) => owner !== '');
  if (owners.length === 0)
    problems.push({ line, field: 'owner_email', problem: 'is empty: name at least one budget owner' });
  for (const owner of owners) {
    if (!email.safeParse(owner).success) {
      problems.push({
        line,
        field: 'owner_email',
        problem: `${JSON.stringify(owner)} is not an email address`,
      });
    }
  }
  if (problems.length > before) return undefined;
  const legalEntity = at('legal_entity');
  return {
    code,
    name: at('cost_centre_name') || code,
    glAccount,
    owners: [...new Set(owners)],
    legalEntity: legalEntity === '' ? null : legalEntity,
  };
}

function mergeCostCentre(
  costCentres: Map<string, CostCentre & { line: number }>,
  row: CostCentre,
  line: number,
  problems: MapProblem[],
): void {
  const known = costCentres.get(row.code);
  if (known === undefined) {
    costCentres.set(row.code, { ...row, line });
    return;
  }
  const fields = [
    ['cost_centre_name', known.name, row.name],
    ['gl_account', known.glAccount, row.glAccount],
    ['legal_entity', known.legalEntity ?? '', row.legalEntity ?? ''],
  ] as const;
  for (const [field, first, again] of fields) {
    if (first !== again) {
      problems.push({
        line,
        field,
        problem: `${JSON.stringify(again)} differs from ${JSON.stringify(first)} given for ${row.code} on line ${known.line}`,
      });
    }
  }
  costCentres.set(row.code, { ...known, owners: [...new Set([...known.owners, ...row.owners])] });
}
