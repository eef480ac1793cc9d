import { formatAcus, formatMoney } from '../money/format.js';
import type { Pricing } from '../money/pricing.js';
import type { Unsettled } from './unsettled.js';

/**
 * "Unsettled: 3 sessions had not ended when this report was built (12.50 ACUs, USD 28.13 as of
 * this run); their figures can still grow." Null when every session is settled.
 */
export function unsettledSentence(
  unsettled: Unsettled,
  pricing: Pick<Pricing, 'currency' | 'minorDigits'>,
): string | null {
  if (unsettled.sessions === 0) return null;
  const n = unsettled.sessions;
  const sessions = `${n.toLocaleString('en-US')} ${n === 1 ? 'session' : 'sessions'}`;
  return `Unsettled: ${sessions} had not ended when this report was built (${formatAcus(unsettled.acus)} ACUs, ${formatMoney(unsettled.costMinor, pricing)} as of this run); ${n === 1 ? 'its' : 'their'} figures can still grow.`;
}

/** What settled means, for the About sheet. */
export const UNSETTLED_EXPLANATION =
  "A session's ACUs are its lifetime total as of the run, all charged to the period it was created in. A session is settled once it has ended (status Finished or Error): its figures are final. Every other session (new, claimed, running, resuming, suspended, or a status the vendor added) is unsettled: it can still use ACUs, so rebuilding the report later gives it (and its org, user and the totals) higher figures.";

/** What a preliminary run is, for the Summary and the About sheet. */
export const PRELIMINARY_NOTICE =
  'Preliminary: this report does not close the period. The closed report, written once by the period’s closing run, is the one of record.';
