/**
 * One name per thing. Every output finance reads (the workbook's sheets and
 * About sheet, the finance email, the owners' mail, the link page and the
 * docs) takes its labels from here, so the same amount never goes by two
 * names; a test greps the rendered outputs for the labels and for the retired
 * synonyms. Issues 20 and 21 use the same words ("Preliminary", "Closed",
 * "Unsettled", "Settled", "True-ups", "Shared products", "Usage", "Posted").
 */
export interface GlossaryTerm {
  /** The label every output uses. */
  readonly label: string;
  /** What it means, in one sentence, for the About sheet and docs/finance.md. */
  readonly definition: string;
  /** For an abbreviation: the short form and what it stands for, shown apart where a label already names it. */
  readonly abbreviation?: string;
  readonly expansion?: string;
}

export const GLOSSARY = {
  acu: {
    label: 'ACU — Agent Compute Unit',
    // Where a line already starts with "ACU" (a fact's label), the value is the expansion alone:
    // "ACU: ACU — Agent Compute Unit" said the abbreviation twice.
    abbreviation: 'ACU',
    expansion: 'Agent Compute Unit',
    definition:
      "Devin's unit of usage. Sessions consume ACUs; the vendor bills them at the contracted unit price.",
  },
  usage: {
    label: 'Usage',
    definition:
      'The ACUs and cost of the sessions created in the period, charged to the org, user and cost centre that used them.',
  },
  billed: {
    label: 'Billed',
    definition:
      "The ACUs the vendor's consumption API counts for the period's billing days, times the configured unit price. It is not an invoice document.",
  },
  sharedProducts: {
    label: 'Shared products',
    definition:
      "Billed ACUs of products that have no session, as the bill names them (such as Cascade, Terminal or Review): they are in no org's usage.",
  },
  carriedIn: {
    label: 'Carried in',
    definition:
      'ACUs billed in this period for sessions created in an earlier one (a session that ran over the period start).',
  },
  carriedOut: {
    label: 'Carried out',
    definition:
      "ACUs of this period's sessions billed in a later period (a session that ran past the period end).",
  },
  settled: {
    label: 'Settled',
    definition: 'A session whose status is final (Finished or Error): its ACUs will not change.',
  },
  unsettled: {
    label: 'Unsettled',
    definition:
      'A session in any other status (New, Claimed, Running, Resuming, Suspended): it can still consume ACUs, so its figures can still grow.',
  },
  preliminary: {
    label: 'Preliminary',
    definition:
      'A run that does not close the period: its figures are for review and may change before the close.',
  },
  closed: {
    label: 'Closed',
    definition:
      'The one run of record for a period: final and immutable; later changes are posted as true-ups.',
  },
  trueUp: {
    label: 'True-ups',
    definition:
      "ACUs a session consumed after its period closed, priced at that period's price and posted in a later period.",
  },
  posted: {
    label: 'Posted',
    definition: 'What the journal debits to a cost centre: usage, true-ups and shared products.',
  },
  costCentre: {
    label: 'Cost centre',
    definition:
      'Where the money went: the cost centre a session was charged to (by a tag rule first, else by its org). Pivot on this column.',
  },
  defaultCostCentre: {
    label: "Org's default cost centre",
    definition:
      "The cost centre the map gives the org as a whole. A tag rule can charge some of the org's sessions elsewhere, so do not pivot on it.",
  },
  unmapped: {
    label: 'Unmapped',
    definition:
      "Usage of orgs the cost-centre map does not cover: it posts to the journal's Unmapped line, which has no account.",
  },
  centAllocation: {
    label: 'Cent allocation',
    definition:
      'Costs are exact to fractions of a cent; each row is rounded so that the rows add up exactly to the total (largest remainder). Two rows with equal ACUs can therefore differ by USD 0.01, and a difference of 0.00 ACUs can show a cost difference of 0.01.',
  },
  signs: {
    label: 'Signs',
    definition:
      'An increase is written +USD 1.00 and a decrease -USD 1.00, in every output. A shortfall (less charged back than billed) is said in words, never as a bare sign.',
  },
} as const satisfies Record<string, GlossaryTerm>;

export type GlossaryKey = keyof typeof GLOSSARY;

/** The label of a term, as every output writes it. */
export function label(key: GlossaryKey): string {
  return GLOSSARY[key].label;
}

/** Every term in a stable order, for the About sheet and docs/finance.md. */
export function glossaryEntries(): readonly GlossaryTerm[] {
  return Object.values(GLOSSARY);
}

/** Words an earlier version used for the same things; no output may use them any more. */
export const RETIRED_LABELS: readonly string[] = [
  'Unattributed (non-session products)',
  'Unattributed (billed to no org)',
  'Unattributed (billed to no user)',
  'Unattributed (no org: non-session products)',
  'Unattributed (billed, no org: non-session products)',
  'Unattributed, by product',
  'Billed (invoice)',
  'Billed to no org',
  'Share of ACUs',
];

/**
 * Retired labels too short to grep for inside text ("Invoice" is also in session titles such
 * as "invoice API"): no label cell or figure may be exactly one of them.
 */
export const RETIRED_WHOLE_LABELS: readonly string[] = ['Invoice', 'Non-session products'];
