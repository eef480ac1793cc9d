/** A spool or part file that this code did not write, or that was cut short. */
export class SpoolFormatError extends Error {
  override readonly name = 'SpoolFormatError';
  constructor(
    readonly path: string,
    readonly line: number,
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`session spool ${path}, line ${line}: ${problem}`, options);
  }
}
