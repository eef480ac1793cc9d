/** The input cannot make a consistent workbook: a bug in the caller, not bad data from the API. */
export class WorkbookInputError extends Error {
  override readonly name = 'WorkbookInputError';

  constructor(
    message: string,
    readonly context: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/** The .xlsx could not be written; whatever reached the target is incomplete and must not be used. */
export class WorkbookWriteError extends Error {
  override readonly name = 'WorkbookWriteError';

  constructor(
    readonly target: string,
    options: { cause: unknown },
  ) {
    super(`could not write the chargeback workbook to ${target}`, options);
  }
}

/** A sheet would pass one of Excel's hard limits, and the file would not open cleanly: a bug, never written. */
export class SheetLimitError extends Error {
  override readonly name = 'SheetLimitError';

  constructor(
    readonly sheet: string,
    readonly limit: 'rows' | 'columns',
    readonly needed: number,
    readonly allowed: number,
  ) {
    super(`sheet ${JSON.stringify(sheet)} needs ${needed} ${limit}; Excel allows ${allowed}`);
  }
}
