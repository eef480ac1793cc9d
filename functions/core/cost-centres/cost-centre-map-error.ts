import { InvalidInputError } from '../errors.js';

/** One thing wrong with the map, named by line and column. */
export interface MapProblem {
  /** 1-based line in the file; 1 is the header. */
  readonly line: number;
  /** The column, as spelt in the header. */
  readonly field: string;
  readonly problem: string;
}

/**
 * Every problem of the map at once, so finance fixes the spreadsheet in one
 * pass rather than one error per run. The message lists them, line by line.
 */
export class CostCentreMapError extends InvalidInputError {
  readonly problems: readonly MapProblem[];

  constructor(source: string, problems: readonly MapProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `line ${p.line}, ${p.field}: ${p.problem}`);
    const more = problems.length > shown.length ? [`and ${problems.length - shown.length} more`] : [];
    super(
      'cost-centre map',
      undefined,
      `${source} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${[...shown, ...more].join('; ')}`,
    );
    this.problems = problems;
  }
}
