/**
 * Input the caller can fix (a CLI flag, an event field, a configuration value).
 * `field` uses the name the caller knows the input by, so the message alone
 * tells them what to change: `month: "2026-13" is not a valid month (expected YYYY-MM)`.
 */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  readonly field: string;
  readonly value: unknown;
  /** The sentence after the value, without the field: to name the same problem under another name. */
  readonly problem: string;

  /** `problem` completes the sentence after the value; a missing value reads as `field: problem`. */
  constructor(field: string, value: unknown, problem: string, options?: { cause?: unknown }) {
    super(value === undefined ? `${field}: ${problem}` : `${field}: ${describe(value)} ${problem}`, options);
    this.field = field;
    this.value = value;
    this.problem = problem;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
