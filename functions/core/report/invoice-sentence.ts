import { formatMoney, formatShare } from '../money/format.js';
import type { Pricing } from '../money/pricing.js';
import type { InvoiceSplit } from './reconciliation-costs.js';

/**
 * "Of the USD 9,563.00 billed, this report charges back USD 9,227.81 (96.5%);
 * USD 335.19 (3.5%) is not charged back." One line, in money, for the Summary and the email.
 */
export function invoiceSentence(
  split: InvoiceSplit,
  pricing: Pick<Pricing, 'currency' | 'minorDigits'>,
): string {
  const { billedCostMinor: billed, chargedCostMinor: charged, notChargedCostMinor: rest } = split;
  const money = (minor: bigint) => formatMoney(minor, pricing);
  if (billed === 0n) return `Nothing was billed for the period; this report charges back ${money(charged)}.`;
  const share = (minor: bigint) => formatShare(Number(minor) / Number(billed));
  const opening = `Of the ${money(billed)} billed, this report charges back ${money(charged)} (${share(charged)})`;
  if (rest === 0n) return `${opening}: all of it.`;
  if (rest > 0n && split.sharedCostMinor > 0n) {
    return `${opening}, shared products included; ${money(rest)} (${share(rest)}) is timing (sessions carried in and out, day boundaries), not posted this period.`;
  }
  if (rest > 0n) return `${opening}; ${money(rest)} (${share(rest)}) is not charged back.`;
  return `${opening}: ${money(-rest)} more than billed, for ACUs the vendor bills in a later period.`;
}
