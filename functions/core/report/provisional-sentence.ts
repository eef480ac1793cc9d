import { formatAcus, formatMoney } from '../money/format.js';
import type { Pricing } from '../money/pricing.js';
import type { Provisional } from './provisional.js';

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * "Provisional: 3 sessions are still running or kept using ACUs after the
 * period ended (12.50 ACUs, USD 28.13 as of this run)." Null when the figures are final.
 */
export function provisionalSentence(
  provisional: Provisional,
  pricing: Pick<Pricing, 'currency' | 'minorDigits'>,
): string | null {
  if (!provisional.provisional) return null;
  const { sessions, running, carriedOut } = provisional;
  const what =
    running > 0 && carriedOut > 0
      ? `${sessions === 1 ? 'is still running or kept' : 'are still running or kept'} using ACUs after the period ended`
      : running > 0
        ? `${sessions === 1 ? 'is' : 'are'} still running`
        : 'kept using ACUs after the period ended';
  return `Provisional: ${count(sessions, 'session', 'sessions')} ${what} (${formatAcus(provisional.acus)} ACUs, ${formatMoney(provisional.costMinor, pricing)} as of this run). These figures can still grow.`;
}

/** What rebuilding the report later would change, for the About sheet. */
export const PROVISIONAL_EXPLANATION =
  "A session's ACUs are its lifetime total as of the run, all charged to the period it was created in. Sessions still running, or used after the period ended, keep adding ACUs: rebuilding the report later gives them (and so their orgs, users and the totals) higher figures; every other session stays as it is.";
