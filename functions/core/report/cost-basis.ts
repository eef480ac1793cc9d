/**
 * What a report charges: each session's lifetime ACUs in the period it was
 * created ('sessions', the default), or the ACUs the vendor billed in the
 * period ('billed', which ties out to the invoice).
 */
export type CostBasis = 'sessions' | 'billed';

export const COST_BASES: readonly CostBasis[] = ['sessions', 'billed'];
