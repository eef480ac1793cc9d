import { z } from 'zod';
import {
  ACU_DECIMALS,
  type Acus,
  acusFromNumber,
  scaledToDecimalString,
  sumAcus,
} from '../../../core/money/acus.js';

const wireAcus = z.number().nonnegative('is negative');

/**
 * The body of every v3 daily consumption endpoint (devin-api-v3.md §3a). `acus_by_product` is
 * documented with devin, cascade and terminal, and org pages add review; any other product the
 * vendor adds is kept by name.
 */
const wireDailyV3Schema = z.object({
  total_acus: wireAcus,
  consumption_by_date: z.array(
    z.object({
      date: z.int().nonnegative(),
      acus: wireAcus,
      acus_by_product: z.record(z.string(), wireAcus).nullish(),
    }),
  ),
});

export interface DailyConsumptionV3 {
  readonly totalAcus: Acus;
  /** Billing day (YYYY-MM-DD) → ACUs. */
  readonly byDate: Map<string, Acus>;
  /** Product → ACUs over the days; empty when the body split none. */
  readonly byProduct: Map<string, Acus>;
}

export type DailyParse =
  | { readonly ok: true; readonly daily: DailyConsumptionV3 }
  | { readonly ok: false; readonly reason: string };

/**
 * What instant `date` stands for is not documented (00:00 or 08:00 UTC of the day): either
 * names the same UTC date, which is the billing day's name. Every day must lie in the asked
 * days and the days must add up to the total, exactly; a day's products to the day.
 */
export function dailyConsumptionFromWireV3(
  json: unknown,
  asked: { firstDay: string; lastDay: string },
): DailyParse {
  const parsed = wireDailyV3Schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `malformed response: ${issue?.path.map(String).join('.') || 'the body'} ${issue?.message ?? 'is invalid'}`,
    };
  }
  const byDate = new Map<string, Acus>();
  const byProduct = new Map<string, Acus>();
  for (const entry of parsed.data.consumption_by_date) {
    const day = new Date(entry.date * 1000).toISOString().slice(0, 10);
    if (day < asked.firstDay || day > asked.lastDay) {
      return {
        ok: false,
        reason: `the consumption endpoint answered for ${day}, outside the asked billing days ${asked.firstDay} to ${asked.lastDay}, so its time bounds are not what this report assumes`,
      };
    }
    const acus = acusFromNumber(entry.acus);
    byDate.set(day, (byDate.get(day) ?? 0n) + acus);
    const products = Object.entries(entry.acus_by_product ?? {});
    if (products.length > 0) {
      const split = sumAcus(products.map(([, value]) => acusFromNumber(value)));
      if (split !== acus) {
        return {
          ok: false,
          reason: `the products of ${day} add up to ${text(split)} ACUs but the day is ${text(acus)}`,
        };
      }
      for (const [product, value] of products)
        byProduct.set(product, (byProduct.get(product) ?? 0n) + acusFromNumber(value));
    }
  }
  const totalAcus = acusFromNumber(parsed.data.total_acus);
  const daysSum = sumAcus(byDate.values());
  if (daysSum !== totalAcus) {
    return {
      ok: false,
      reason: `the daily figures add up to ${text(daysSum)} ACUs but total_acus is ${text(totalAcus)}`,
    };
  }
  return {
    ok: true,
    daily: { totalAcus, byDate: new Map([...byDate].sort(([a], [b]) => (a < b ? -1 : 1))), byProduct },
  };
}

function text(acus: Acus): string {
  return scaledToDecimalString(acus, ACU_DECIMALS);
}
