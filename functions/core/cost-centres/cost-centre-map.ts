import { label } from '../glossary/glossary.js';

/**
 * Finance's org → cost-centre map, parsed and validated once (see
 * parseCostCentreMap), then trusted everywhere inside.
 */
export interface CostCentre {
  /** The code the ERP knows, e.g. "CC-100". */
  readonly code: string;
  readonly name: string;
  /** The expense account its debit line posts to. */
  readonly glAccount: string;
  /** Budget owners: the showback email goes to each. Lower-cased, in map order. */
  readonly owners: readonly string[];
  /** Null when the map has no legal_entity column or leaves it empty. */
  readonly legalEntity: string | null;
}

/** A row of the map that sends sessions to a cost centre. */
export interface CostCentreRule {
  readonly code: string;
  /** 1-based line of the CSV file, for messages and for the tag rule order. */
  readonly line: number;
}

export interface CostCentreMap {
  /** Where it came from, as a person would name it: a file path or an s3:// URI. */
  readonly source: string;
  /** The file as read, copied beside each report so a rerun can use the same map. */
  readonly text: string;
  /** In order of first appearance in the file. */
  readonly costCentres: ReadonlyMap<string, CostCentre>;
  readonly orgRules: ReadonlyMap<string, CostCentreRule>;
  /** The `org_id` `*` row: where orgs no other row covers go. Absent when the map has none. */
  readonly catchAll?: CostCentreRule | undefined;
  /** In file order: the first matching one wins (see costCentreOfSession). */
  readonly tagRules: ReadonlyMap<string, CostCentreRule>;
}

/** The `org_id` of the catch-all row. */
export const CATCH_ALL_ORG_ID = '*';

/** The cost centre of usage the map does not cover; never a code finance may use itself. */
export const UNMAPPED_CODE = 'Unmapped';
export const UNMAPPED_NAME = 'Unmapped (org not in the cost-centre map)';
/** The billed basis's Unattributed amount, when the map has no row for it. */
export const UNATTRIBUTED_CODE = 'Unattributed';
export const UNATTRIBUTED_NAME = `${label('sharedProducts')} (no org, no cost centre)`;
