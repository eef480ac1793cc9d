import { parseIsoInstant } from './iso-instant.js';

/** One entry of the 422 body FastAPI sends: `{"detail": [{type, loc, msg, input}]}`. */
export interface ValidationIssue {
  readonly type: string;
  readonly loc: readonly ['query', string];
  readonly msg: string;
  /** Null for a required parameter that is missing. */
  readonly input: string | null;
  readonly ctx?: Readonly<Record<string, number | string>>;
}

/**
 * Reads query parameters the way the vendor's FastAPI service validates them,
 * collecting every problem so that a bad request gets one 422 listing them
 * all. Hand-written rather than zod so the messages carry pydantic's wording,
 * which is what the client will meet in production.
 */
/**
 * How a server reads a list parameter, each a way the vendor's sources allow: `repeated` keys
 * (`org_ids=a&org_ids=b`, OpenAPI's default `form, explode: true`, what FastAPI reads), or
 * `comma`-joined (`org_ids=a,b`, what the generated SDKs send), where a repeated key keeps only
 * its last value, as for any scalar.
 */
export type ArrayEncoding = 'repeated' | 'comma';

export class QueryReader {
  readonly issues: ValidationIssue[] = [];
  readonly #params: URLSearchParams;
  readonly #arrays: ArrayEncoding;

  constructor(params: URLSearchParams, arrays: ArrayEncoding = 'repeated') {
    this.#params = params;
    this.#arrays = arrays;
  }

  integer(name: string, rule: { fallback: number; min: number; max?: number }): number {
    const text = this.#last(name);
    if (text === undefined) return rule.fallback;
    if (!/^\s*[+-]?\d+\s*$/.test(text)) {
      return this.#reject(rule.fallback, {
        type: 'int_parsing',
        loc: ['query', name],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: text,
      });
    }
    const value = Number(text);
    if (value < rule.min) {
      return this.#reject(rule.fallback, {
        type: 'greater_than_equal',
        loc: ['query', name],
        msg: `Input should be greater than or equal to ${rule.min}`,
        input: text,
        ctx: { ge: rule.min },
      });
    }
    if (rule.max !== undefined && value > rule.max) {
      return this.#reject(rule.fallback, {
        type: 'less_than_equal',
        loc: ['query', name],
        msg: `Input should be less than or equal to ${rule.max}`,
        input: text,
        ctx: { le: rule.max },
      });
    }
    return value;
  }

  /** Epoch milliseconds, or null when the parameter is absent. */
  instant(name: string): number | null {
    const text = this.#last(name);
    if (text === undefined) return null;
    const value = parseIsoInstant(text);
    if (value !== null) return value;
    return this.#reject(null, {
      type: 'datetime_from_date_parsing',
      loc: ['query', name],
      msg: 'Input should be a valid datetime or date',
      input: text,
    });
  }

  /** A boolean as pydantic reads a query value: true/false, 1/0, yes/no, on/off (any case). */
  boolean(name: string, fallback: boolean): boolean {
    const text = this.#last(name);
    if (text === undefined) return fallback;
    const lower = text.toLowerCase();
    if (['true', '1', 'yes', 'on', 't', 'y'].includes(lower)) return true;
    if (['false', '0', 'no', 'off', 'f', 'n'].includes(lower)) return false;
    return this.#reject(fallback, {
      type: 'bool_parsing',
      loc: ['query', name],
      msg: 'Input should be a valid boolean, unable to interpret input',
      input: text,
    });
  }

  literal<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const text = this.#last(name);
    if (text === undefined) return fallback;
    const found = allowed.find((value) => value === text);
    if (found !== undefined) return found;
    const expected = allowed.map((value) => `'${value}'`).join(' or ');
    return this.#reject(fallback, {
      type: 'literal_error',
      loc: ['query', name],
      msg: `Input should be ${expected}`,
      input: text,
      ctx: { expected },
    });
  }

  /** A list parameter, read as this server reads arrays ({@link ArrayEncoding}). */
  list(name: string): readonly string[] {
    if (this.#arrays === 'repeated') return this.#params.getAll(name);
    const last = this.#last(name);
    return last === undefined || last === '' ? [] : last.split(',');
  }

  text(name: string): string | null {
    return this.#last(name) ?? null;
  }

  // Starlette keeps the last value of a repeated scalar parameter.
  #last(name: string): string | undefined {
    return this.#params.getAll(name).at(-1);
  }

  #reject<T>(fallback: T, issue: ValidationIssue): T {
    this.issues.push(issue);
    return fallback;
  }
}
