/**
 * The bill contradicts itself (a negative figure, a total below its parts): no reading of the
 * vendor's docs makes it true, so it is refused, naming the day (when one is at fault) and the
 * field. What the docs leave open (products that do not add up to the day, a day outside the
 * window asked) is never this error: the bill is kept and the gap stated.
 */
export class ContradictoryBillError extends Error {
  override readonly name = 'ContradictoryBillError';
  /** The billing day (YYYY-MM-DD) at fault, or null when the problem is the whole body's. */
  readonly day: string | null;
  /** The wire field, e.g. `consumption_by_date[].acus_by_product.cascade` or `total_acus`. */
  readonly field: string;

  constructor(details: { day: string | null; field: string; problem: string }) {
    super(`${details.day === null ? '' : `on ${details.day}, `}${details.field} ${details.problem}`);
    this.day = details.day;
    this.field = details.field;
  }
}
