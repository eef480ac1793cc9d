import { z } from 'zod';

/**
 * The vendor's query parameters as FastAPI reads them: one value for a scalar, repeated keys for
 * a list (`org_ids=a&org_ids=b`). A contract lists every parameter an endpoint declares; a name
 * it does not declare is a violation (FastAPI would silently ignore it, which is how a client
 * comes to rely on a filter the server never applies).
 */
export type ParamType =
  | { readonly kind: 'date-time' }
  | { readonly kind: 'unix-seconds' }
  | { readonly kind: 'integer'; readonly min: number; readonly max?: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string' }
  | { readonly kind: 'string[]' };

export interface ParamRule {
  readonly type: ParamType;
  readonly required?: boolean;
}

export type QueryContract = Readonly<Record<string, ParamRule>>;

export const dateTime: ParamRule = { type: { kind: 'date-time' } };
export const unixSeconds: ParamRule = { type: { kind: 'unix-seconds' } };
export const text: ParamRule = { type: { kind: 'string' } };
export const texts: ParamRule = { type: { kind: 'string[]' } };
export const flag: ParamRule = { type: { kind: 'boolean' } };
export const integer = (min: number, max?: number): ParamRule => ({
  type: max === undefined ? { kind: 'integer', min } : { kind: 'integer', min, max },
});
export const required = (rule: ParamRule): ParamRule => ({ ...rule, required: true });
/** Cursor paging (docs.devin.ai/api-reference/concepts/pagination): `first` 1..200, `after`. */
export const cursorPaging: QueryContract = { first: integer(1, 200), after: text };
/** v2 offset paging: `skip` ≥ 0, `limit` 1..200. */
export const offsetPaging: QueryContract = { skip: integer(0), limit: integer(1, 200) };

// A date-time with a time and an explicit offset: what `string<date-time>` means in OpenAPI (RFC 3339).
const DATE_TIME = z.iso.datetime({ offset: true });
const INTEGER = /^[+-]?\d+$/;

/** Every way the query breaks the contract, in words naming the parameter and the value. */
export function queryViolations(
  contract: QueryContract,
  query: Readonly<Record<string, readonly string[]>>,
): string[] {
  const problems: string[] = [];
  for (const [name, values] of Object.entries(query)) {
    const rule = contract[name];
    if (rule === undefined) {
      problems.push(`parameter ${name} is not in the contract`);
      continue;
    }
    if (rule.type.kind !== 'string[]' && values.length > 1) {
      problems.push(`parameter ${name} is a single value, sent ${values.length} times`);
    }
    for (const value of values) {
      const problem = valueProblem(rule.type, value);
      if (problem !== null) problems.push(`parameter ${name}=${JSON.stringify(value)}: ${problem}`);
    }
  }
  for (const [name, rule] of Object.entries(contract)) {
    if (rule.required && query[name] === undefined) problems.push(`required parameter ${name} is missing`);
  }
  return problems;
}

function valueProblem(type: ParamType, value: string): string | null {
  switch (type.kind) {
    case 'date-time':
      return DATE_TIME.safeParse(value).success ? null : 'not an RFC 3339 date-time with offset';
    case 'unix-seconds':
      return INTEGER.test(value) && Number(value) >= 0 ? null : 'not an integer of Unix seconds';
    case 'integer': {
      if (!INTEGER.test(value)) return 'not an integer';
      const n = Number(value);
      if (n < type.min) return `below the minimum ${type.min}`;
      if (type.max !== undefined && n > type.max) return `above the maximum ${type.max}`;
      return null;
    }
    case 'boolean':
      return value === 'true' || value === 'false' ? null : 'not true or false';
    default:
      return value === '' ? 'empty' : null;
  }
}
