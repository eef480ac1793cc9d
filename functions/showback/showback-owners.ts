import type { CostCentreReport, CostCentreTotal } from '#core/cost-centres/cost-centre-report.js';

/** A budget owner and the cost centres they get one showback email about. */
export interface ShowbackOwner {
  /** Lower case, as the map gives it. */
  readonly email: string;
  /** Their cost centres with usage this period, in By Cost Centre order. */
  readonly costCentres: readonly CostCentreTotal[];
}

/**
 * One entry per owner, however many cost centres they own: one email each
 * per period. Cost centres without usage send nothing (there is nothing to show).
 */
export function showbackOwners(costCentres: CostCentreReport): ShowbackOwner[] {
  const owners = new Map<string, CostCentreTotal[]>();
  for (const row of costCentres.rows) {
    if (row.kind !== 'mapped' || (row.sessions === 0 && row.costMinor === 0n)) continue;
    for (const owner of row.owners) owners.set(owner, [...(owners.get(owner) ?? []), row]);
  }
  return [...owners].map(([email, rows]) => ({ email, costCentres: rows }));
}

/** The cost centres' codes as a file-name part: `CC-110`, `CC-120+CC-190`. */
export function sliceName(owner: ShowbackOwner): string {
  return owner.costCentres.map((row) => row.code.replace(/[^A-Za-z0-9._-]/g, '_')).join('+');
}
