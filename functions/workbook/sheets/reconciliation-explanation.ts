import { formatAcus, formatShare } from '../../core/money/format.js';
import type { ReportPeriod } from '../../core/period/report-period.js';
import type { Reconciliation } from '../../core/report/reconciliation.js';
import { billingDaysText } from '../basis-text.js';
import type { Fact } from '../fact-rows.js';

/** "Sessions account for 93.4% of the ACUs billed for the period." (shared products are not sessions) */
export function allocatedShareSentence(reconciliation: Reconciliation): string {
  if (reconciliation.allocatedShare === null) {
    return 'Nothing was billed for the period, so there is no share of the bill to state.';
  }
  return `Sessions account for ${formatShare(reconciliation.allocatedShare)} of the ACUs billed for the period.`;
}

/**
 * Why session-based ACUs differ from the bill, one cause a line, in the
 * words of a finance reader. Each line is short enough to stay on screen
 * beside its label without wrapping.
 */
export function differenceExplanation(reconciliation: Reconciliation, period: ReportPeriod): Fact[] {
  const { edges, unattributedAcus } = reconciliation;
  const facts: Fact[] = [
    {
      label: 'Billed ACUs',
      value: `What the vendor bills: ACUs counted on the day they were used, for ${billingDaysText(period)}.`,
    },
    {
      label: 'Session ACUs',
      value: "Each session's lifetime ACUs as of this run, counted in the period the session was created in.",
    },
    {
      label: 'Carried in',
      value:
        edges.carriedIn === null
          ? 'Sessions created before the period that used ACUs in it (the API could not count them): billed now, charged earlier.'
          : `${sessions(edges.carriedIn)} created before the period used ACUs in it: billed now, charged in an earlier report.`,
    },
    {
      label: 'Carried out',
      value: `${sessions(edges.carriedOut)} created in the period used ACUs after it: charged here in full, partly billed later.`,
    },
    {
      label: 'Non-session products',
      value: `${formatAcus(unattributedAcus)} ACUs of products that are not sessions (Cascade, Terminal) belong to no org: the Unattributed line.`,
    },
  ];
  if (period.alignment === 'calendar') {
    facts.push({
      label: 'Day boundaries',
      value: `This report's days start at midnight ${period.timeZone}, billing days at 08:00 UTC: ACUs used in between land on different sides.`,
    });
  }
  facts.push({
    label: 'Left unexplained',
    value:
      'Whatever the causes above do not account for; a session still running keeps adding ACUs until it stops.',
  });
  return facts;
}

function sessions(count: number): string {
  return count === 1 ? '1 session' : `${count} sessions`;
}
