/** A row that breaks the dataset's own schema: a bug here, never data to write. */
export class FocusRowError extends Error {
  override readonly name = 'FocusRowError';
  readonly column: string;

  constructor(column: string, value: null | undefined) {
    super(
      value === undefined
        ? `FOCUS row has no value for column ${column}`
        : `FOCUS column ${column} must not be null, but a row has null`,
    );
    this.column = column;
  }
}
