/**
 * The API's paging broke its own contract (a cursor that does not move forward) or the listing
 * is larger than the client is willing to hold in memory.
 */
export class DevinPagingError extends Error {
  override readonly name = 'DevinPagingError';
  readonly path: string;
  readonly skip: number;

  constructor(details: { path: string; skip: number; problem: string }) {
    super(`Devin API paging of ${details.path} failed at skip=${details.skip}: ${details.problem}`);
    this.path = details.path;
    this.skip = details.skip;
  }
}
