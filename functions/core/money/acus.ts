/**
 * ACUs as an exact integer count of 10^-12 ACU.
 *
 * The API sends ACUs as JSON numbers; summing a million doubles drifts, so each
 * value is converted once, from its shortest decimal representation, into a
 * fixed-point bigint. Twelve decimals is far below anything the vendor reports
 * and keeps every sum exact.
 */
export type Acus = bigint;

export const ACU_DECIMALS = 12;
export const ACU_SCALE = 10n ** BigInt(ACU_DECIMALS);

export const ZERO_ACUS: Acus = 0n;

/** Exact conversion from a JSON number; digits past 12 decimals are rounded half-even. */
export function acusFromNumber(value: number): Acus {
  if (!Number.isFinite(value)) throw new RangeError(`ACUs must be a finite number, got ${value}`);
  return decimalStringToScaled(String(value), ACU_DECIMALS);
}

/** Nearest double, for display and for cells: never sum these. */
export function acusToNumber(acus: Acus): number {
  return scaledToNumber(acus, ACU_DECIMALS);
}

export function sumAcus(values: Iterable<Acus>): Acus {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/** Parses "12.5", "-3", "1e-7", "2.5E+3" into value × 10^decimals, rounding half-even. */
export function decimalStringToScaled(text: string, decimals: number): bigint {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  }
  const sign = match[1] === '-' ? -1n : 1n;
  const intDigits = match[2] ?? '';
  const fracDigits = match[3] ?? '';
  const exponent = Number(match[4] ?? '0');
  const digits = BigInt(`${intDigits}${fracDigits}` || '0');
  // value = digits × 10^(exponent - fracDigits.length); we want value × 10^decimals
  const shift = exponent - fracDigits.length + decimals;
  if (shift >= 0) return sign * digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  return sign * divideRoundHalfEven(digits, divisor);
}

/** Non-negative numerator and positive divisor; rounds to nearest, ties to even. */
export function divideRoundHalfEven(numerator: bigint, divisor: bigint): bigint {
  const q = numerator / divisor;
  const r = numerator % divisor;
  const twice = 2n * r;
  if (twice > divisor || (twice === divisor && q % 2n === 1n)) return q + 1n;
  return q;
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
/** The powers of ten a double holds exactly, 1e0 to 1e22. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

export function scaledToNumber(value: bigint, decimals: number): number {
  // Both operands exact, the quotient is the double nearest the exact value:
  // the same double as parsing its decimal text, without building the text.
  const scale = EXACT_POWERS_OF_TEN[decimals];
  if (scale !== undefined && value <= MAX_EXACT && value >= -MAX_EXACT) return Number(value) / scale;
  return Number(scaledToDecimalString(value, decimals));
}

/** Exact decimal text of a scaled bigint, without trailing zeros ("12.5", "-0.001", "3"). */
export function scaledToDecimalString(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const int = abs / scale;
  const frac = (abs % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}
