import { label } from '#core/glossary/glossary.js';
import {
  formatAcus,
  formatMoney,
  formatShare,
  formatSignedAcus,
  formatSignedMoney,
} from '#core/money/format.js';
import type { Pricing } from '#core/money/pricing.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import { type CarriedFigure, carriedSessions } from '#core/report/carried-sessions.js';
import type { Reconciliation } from '#core/report/reconciliation.js';
import { sharedProductNames } from '#core/report/shared-products.js';
import { billingDaysText } from '../basis-text.js';
import type { Fact } from '../fact-rows.js';

/** The sessions' share of the billed ACUs: the email's and the CLI's words. */
export const SHARE_OF_BILL_LABEL = 'Share of the bill';
/** The bill in money, as the Summary and the Reconciliation sheet label it (the glossary's Billed). */
export const BILLED_COST_LABEL = `${label('billed')} cost`;
/** The invoice sentence's label, as the email's. */
export const BILLED_LABEL = label('billed');
/** The billed ACUs no org carries, in money. */
export const SHARED_PRODUCTS_LABEL = label('sharedProducts');
/** Billed, not charged back this period: said in words, so the amount is shown without a sign. */
export const NOT_CHARGED_BACK_LABEL = 'Not charged back';
/** Charged back beyond what was billed (sessions billed in a later period): also in words. */
export const CHARGED_ABOVE_BILL_LABEL = 'Charged back above the bill';

/** "Sessions account for 93.4% of the ACUs billed for the period." (shared products are not sessions) */
export function allocatedShareSentence(reconciliation: Reconciliation): string {
  if (reconciliation.allocatedShare === null) {
    return 'Nothing was billed for the period, so there is no share of the bill to state.';
  }
  return `Sessions account for ${formatShare(reconciliation.allocatedShare)} of the ACUs billed for the period.`;
}

/**
 * Why session-based ACUs differ from the bill, one cause a line, in the
 * words of a finance reader. Counts and amounts are the walk's own (one
 * domain value, `carriedSessions`), so the words never contradict the numbers
 * above them; without the walk they say what was counted instead.
 */
export function differenceExplanation(
  reconciliation: Reconciliation,
  period: ReportPeriod,
  pricing: Pick<Pricing, 'currency' | 'minorDigits'>,
): Fact[] {
  const carried = carriedSessions(reconciliation);
  const measured = carried.basis === 'measured';
  const amount = (figure: CarriedFigure) =>
    figure.acus === null || figure.costMinor === null
      ? ''
      : ` ${formatAcus(figure.acus)} ACUs (${formatMoney(figure.costMinor, pricing)})`;
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
      label: label('carriedIn'),
      value: measured
        ? `${sessions(carried.carriedIn.sessions)} created before the period used${amount(carried.carriedIn)} in its billing days: billed now, charged earlier.`
        : carried.carriedIn.sessions === null
          ? 'Sessions created before the period that were updated in it (the API could not count them): what they used in it is billed now, charged earlier.'
          : `${sessions(carried.carriedIn.sessions)} created before the period were updated in it (their ACUs in it are not measured without the walk above): billed now, charged in an earlier report.`,
    },
    {
      label: label('carriedOut'),
      value: measured
        ? `${sessions(carried.carriedOut.sessions)} created in the period used${amount(carried.carriedOut)} after its billing days: charged now, billed later.`
        : `${sessions(carried.carriedOut.sessions)} created in the period were updated after it (their ACUs after it are not measured without the walk above): charged here in full, partly billed later.`,
    },
    {
      label: label('sharedProducts'),
      value: `${formatAcus(reconciliation.unattributedAcus)} ACUs of products that are not sessions${productList(reconciliation)} belong to no org: the ${label('sharedProducts')} line.`,
    },
  ];
  if (period.alignment === 'calendar') {
    const sides = measured
      ? `${sessions(carried.dayBoundary.sessions)}, ${formatSignedAcus(carried.dayBoundary.acus ?? 0n)} ACUs (${formatSignedMoney(carried.dayBoundary.costMinor ?? 0n, pricing)}), land on different sides.`
      : 'ACUs used in between land on different sides.';
    facts.push({
      label: 'Day boundaries',
      value: `Days start at midnight ${period.timeZone} here, at 08:00 UTC on the bill: ${sides}`,
    });
  }
  facts.push({
    label: 'Left unexplained',
    value: measured
      ? `${formatAcus(carried.unexplainedAcus)} ACUs: what the causes above do not account for (the walk's Unexplained).`
      : 'Whatever the causes above do not account for; a session still running keeps adding ACUs until it stops.',
  });
  return facts;
}

/** " (Cascade, Terminal, Review)" as the bill names them; nothing when it names none. */
function productList(reconciliation: Reconciliation): string {
  const names = sharedProductNames(reconciliation);
  return names.length === 0 ? '' : ` (${names.join(', ')})`;
}

function sessions(count: number | null): string {
  if (count === null) return 'Sessions';
  return count === 1 ? '1 session' : `${count} sessions`;
}
