/** A query the local engine could not answer: bad SQL, or no dataset to read. */
export class FocusQueryError extends Error {
  override readonly name = 'FocusQueryError';
  readonly datasetRoot: string;

  constructor(message: string, context: { datasetRoot: string }, options?: { cause?: unknown }) {
    super(message, options);
    this.datasetRoot = context.datasetRoot;
  }
}
