/**
 * The API's own count and what arrived still disagreed after a second full read, so returning
 * the list would silently under-report usage.
 */
export class IncompleteFetchError extends Error {
  override readonly name = 'IncompleteFetchError';
  readonly resource: string;
  /** `total` the API reported (the largest seen during the read). */
  readonly expected: number;
  /** Distinct records that arrived, inside and outside the period. */
  readonly arrived: number;

  constructor(details: { resource: string; expected: number; arrived: number; detail: string }) {
    super(
      `Devin API reported ${details.expected} ${details.resource} but ${details.arrived} distinct ones arrived, ` +
        `twice in a row (${details.detail}); refusing to return an incomplete list`,
    );
    this.resource = details.resource;
    this.expected = details.expected;
    this.arrived = details.arrived;
  }
}
