import { formatMoney, formatShare } from '../money/format.js';
import type { Pricing } from '../money/pricing.js';
import type { InvoiceSplit } from './reconciliation-costs.js';

/**
 * "Of the USD 9,563.00 billed, this report charges back USD 9,227.81 (96.5%);
 * USD 335.19 (3.5%) is not charged back." One line, in money, for the Summary and the email.
 * With a journal, "charges back" is what the journal posts, true-ups included, so the
 * shortfall or excess is the journal's own.
 */
export function invoiceSentence(
  split: InvoiceSplit,
  pricing: Pick<Pricing, 'currency' | 'minorDigits'>,
): string {
  const { billedCostMinor: billed, chargedCostMinor: charged, notChargedCostMinor: rest } = split;
  const money = (minor: bigint) => formatMoney(minor, pricing);
  if (billed === 0n) return `Nothing was billed for the period; this report charges back ${money(charged)}.`;
  const share = (minor: bigint) => shareOfBill(minor, billed);
  const opening = `Of the ${money(billed)} billed, this report charges back ${money(charged)} (${share(charged)})`;
  const included = [
    ...(split.sharedCostMinor > 0n ? ['shared products'] : []),
    ...(split.trueUpCostMinor === 0n
      ? []
      : [`${money(split.trueUpCostMinor)} of true-ups of earlier closed periods`]),
  ];
  const with_ = included.length === 0 ? '' : `, ${included.join(' and ')} included`;
  if (rest === 0n) return `${opening}${with_}: all of it.`;
  if (rest > 0n && included.length === 0)
    return `${opening}; ${money(rest)} (${share(rest)}) is not charged back.`;
  if (rest > 0n) {
    return split.trueUpCostMinor === 0n
      ? `${opening}${with_}; ${money(rest)} (${share(rest)}) is timing (sessions carried in and out, day boundaries), not posted this period.`
      : `${opening}${with_}; ${money(rest)} (${share(rest)}) short of the bill: the timing not posted this period (sessions carried in and out, day boundaries), net of the true-ups.`;
  }
  return `${opening}${with_}: ${money(-rest)} more than billed, for ACUs the vendor bills in ${split.trueUpCostMinor === 0n ? 'a later' : 'another'} period.`;
}

/**
 * A part of the bill as a share of it, never rounded onto a whole it is not: 9,463.07 of
 * 9,464.03 is "just under 100%", never "100.0%", and 0.96 of it "under 0.1%", not "0.0%".
 */
export function shareOfBill(part: bigint, billed: bigint): string {
  const text = formatShare(Number(part) / Number(billed));
  if (part === billed || part === 0n) return text;
  const whole = formatShare(1);
  const none = formatShare(0);
  if (text === whole) return part < billed ? 'just under 100%' : 'just over 100%';
  if (text === none) return part > 0n ? 'under 0.1%' : 'just under 0.0%';
  return text;
}
