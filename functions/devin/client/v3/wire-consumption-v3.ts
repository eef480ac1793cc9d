import { z } from 'zod';
import { ACU_DECIMALS, type Acus, acusFromNumber, scaledToDecimalString, sumAcus } from '#core/money/acus.js';
import { ContradictoryBillError } from '../contradictory-bill-error.js';

// Negative figures are checked after the shape, so the error can name the day (see below).
const wireAcus = z.number();

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

/**
 * The product the day's `acus` carries beyond its `acus_by_product`. The docs say the products
 * split the day (a missing one "defaults to `0.0`",
 * https://docs.devin.ai/zh/api-reference/v3/consumption/consumption-daily.md) but never that they
 * name every ACU, and the SDK types each product as optional
 * (devin_platform `types/enterprise/consumption/consumption.py`). So a day whose products fall short
 * keeps its bill and the rest is billed under this name, shown as its own line on Reconciliation.
 */
export const PRODUCT_NOT_STATED = '(product not stated)';

export interface DailyConsumptionV3 {
  readonly totalAcus: Acus;
  /** Billing day (YYYY-MM-DD) → ACUs. */
  readonly byDate: Map<string, Acus>;
  /** Product → ACUs over the days; empty when the body split none. */
  readonly byProduct: Map<string, Acus>;
}

export type DailyParse =
  | { readonly ok: true; readonly daily: DailyConsumptionV3 }
  | {
      readonly ok: false;
      readonly reason: string;
      /** Set when the body contradicts itself rather than the question. */
      readonly contradiction?: ContradictoryBillError;
    };

function contradicted(details: { day: string | null; field: string; problem: string }): DailyParse {
  const contradiction = new ContradictoryBillError(details);
  return { ok: false, reason: contradiction.message, contradiction };
}

/**
 * What instant `date` stands for is not documented (00:00 or 08:00 UTC of the day): either
 * names the same UTC date, which is the billing day's name. Every day must lie in the asked
 * days and the days must add up to the total, exactly. A day's products may fall short of the
 * day (the rest is {@link PRODUCT_NOT_STATED}) but never exceed it; a product the docs do not
 * list is kept under its own name. Negative figures are refused, naming the day and field.
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
  if (parsed.data.total_acus < 0)
    return contradicted({
      day: null,
      field: 'total_acus',
      problem: `is negative (${parsed.data.total_acus})`,
    });
  for (const entry of parsed.data.consumption_by_date) {
    const day = new Date(entry.date * 1000).toISOString().slice(0, 10);
    if (day < asked.firstDay || day > asked.lastDay) {
      return {
        ok: false,
        reason: `the consumption endpoint answered for ${day}, outside the asked billing days ${asked.firstDay} to ${asked.lastDay}, so its time bounds are not what this report assumes`,
      };
    }
    if (entry.acus < 0)
      return contradicted({
        day,
        field: 'consumption_by_date[].acus',
        problem: `is negative (${entry.acus})`,
      });
    const acus = acusFromNumber(entry.acus);
    byDate.set(day, (byDate.get(day) ?? 0n) + acus);
    const products = Object.entries(entry.acus_by_product ?? {});
    for (const [product, value] of products) {
      if (value < 0)
        return contradicted({
          day,
          field: `consumption_by_date[].acus_by_product.${product}`,
          problem: `is negative (${value})`,
        });
    }
    if (products.length > 0) {
      const split = sumAcus(products.map(([, value]) => acusFromNumber(value)));
      if (split > acus) {
        return contradicted({
          day,
          field: 'consumption_by_date[].acus',
          problem: `is ${text(acus)} ACUs, below its products' ${text(split)} (acus_by_product)`,
        });
      }
      for (const [product, value] of products)
        byProduct.set(product, (byProduct.get(product) ?? 0n) + acusFromNumber(value));
    }
  }
  // What the products leave of the days (short days, and days that gave no split when others did).
  if (byProduct.size > 0) {
    const rest = sumAcus(byDate.values()) - sumAcus(byProduct.values());
    if (rest > 0n) byProduct.set(PRODUCT_NOT_STATED, (byProduct.get(PRODUCT_NOT_STATED) ?? 0n) + rest);
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
