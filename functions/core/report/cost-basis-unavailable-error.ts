import type { CostBasis } from './cost-basis.js';

/**
 * A report asked to charge by billed ACUs when the bill could not be read.
 * Unlike the reconciliation, which can be left out with a reason, this report
 * would have no numbers to charge: it fails, loudly, rather than fall back to
 * another basis nobody asked for.
 */
export class CostBasisUnavailableError extends Error {
  override readonly name = 'CostBasisUnavailableError';
  readonly costBasis: CostBasis;
  readonly reason: string;

  constructor(costBasis: CostBasis, reason: string, options?: { cause?: unknown }) {
    super(
      `costBasis: "${costBasis}" needs the billed consumption, which could not be read (${reason}); fix that, or charge by session ACUs with costBasis "sessions"`,
      options,
    );
    this.costBasis = costBasis;
    this.reason = reason;
  }
}
