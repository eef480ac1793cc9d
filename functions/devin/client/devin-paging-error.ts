/**
 * The API's paging broke its own contract (a cursor that does not move forward, a page served
 * twice) or the listing is larger than the client is willing to hold in memory. Names the
 * endpoint, the offset reached and, where known, the page (1-based) and the cursor it was asked with.
 */
export class DevinPagingError extends Error {
  override readonly name = 'DevinPagingError';
  readonly path: string;
  readonly skip: number;
  readonly page: number | undefined;
  readonly cursor: string | undefined;

  constructor(details: { path: string; skip: number; problem: string; page?: number; cursor?: string }) {
    const where = [
      `skip=${details.skip}`,
      ...(details.page === undefined ? [] : [`page ${details.page}`]),
      ...(details.cursor === undefined ? [] : [`cursor ${details.cursor}`]),
    ].join(', ');
    super(`Devin API paging of ${details.path} failed at ${where}: ${details.problem}`);
    this.path = details.path;
    this.skip = details.skip;
    this.page = details.page;
    this.cursor = details.cursor;
  }
}
