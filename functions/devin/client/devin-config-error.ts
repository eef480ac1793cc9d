/** The environment does not say how to reach the Devin API. The message names the variable. */
export class DevinConfigError extends Error {
  override readonly name = 'DevinConfigError';
  readonly variable: string;

  constructor(variable: string, problem: string, options?: { cause?: unknown }) {
    super(`${variable} ${problem}`, options);
    this.variable = variable;
  }
}
