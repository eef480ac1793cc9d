import { buildCostCentreReport } from '#core/cost-centres/build-cost-centre-report.js';
import type { CostCentreMap } from '#core/cost-centres/cost-centre-map.js';
import type { CreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { journalIdOf } from '#core/cost-centres/journal.js';
import type { SharedPool } from '#core/cost-centres/shared-pool.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { SummaryDocument } from '#core/report/summary-document-schema.js';
import type { Session } from '#core/session.js';
import type { SharedCostRule } from '#core/shared-costs/shared-cost-rule.js';
import type { JournalFormat } from '#journal-formats/journal-format.js';
import type { TrueUps } from '#true-ups/true-up.js';

/** What a run needs for cost centres, the journal and showback; absent when no map was given. */
export interface CostCentreSetup {
  readonly map: CostCentreMap;
  readonly creditAccounts: CreditAccounts;
  /** How non-session products are charged back (SHARED_COSTS, --shared-costs); proportional when absent. */
  readonly sharedCosts?: SharedCostRule | undefined;
  /** The ERP journal formats to write beside the generic journal (`--journal-format`, JOURNAL_FORMATS), and their mapping. */
  readonly journalFormats?: JournalFormatRequest | undefined;
}

export interface JournalFormatRequest {
  readonly formats: readonly JournalFormat[];
  /**
   * erp-mapping.csv as read: the codes each format needs (subsidiary, company code, ledger, …).
   * Parsed with the formats, so a bad file refuses them as a missing code does: after the generic journal.
   */
  readonly mappingText: string;
}

/** The report with its By Cost Centre rows and journal, or as it was when there is no map. */
export function withCostCentres(
  report: ChargebackReport,
  sessions: Iterable<Session>,
  setup: CostCentreSetup | undefined,
  previous: SummaryDocument | { readonly reason: string } | undefined,
  posting: {
    readonly journalId: string;
    readonly trueUps?: TrueUps | undefined;
    readonly sharedCharges?: SharedPool['charges'] | undefined;
  } = {
    journalId: journalIdOf(report.period, 'preview'),
  },
): ChargebackReport {
  if (setup === undefined) return report;
  return {
    ...report,
    costCentres: buildCostCentreReport({
      report,
      sessions,
      map: setup.map,
      creditAccounts: setup.creditAccounts,
      previous,
      sharedCosts: setup.sharedCosts,
      journalId: posting.journalId,
      trueUps: posting.trueUps,
      sharedCharges: posting.sharedCharges,
    }),
  };
}
