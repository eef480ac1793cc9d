import { billingDayStartMs, billingDaysBetween } from './billing-day.js';
import { scramble32, seededRandom } from './seeded-random.js';

export interface NonSessionOptions {
  readonly firstDay: string;
  readonly lastDay: string;
  /** Typical ACUs on a working day; weekends see about a third of it. */
  readonly typicalAcus: number;
  readonly seed: number;
}

/** Days on which nobody used a non-session product: the Unattributed line varies, as it would. */
const QUIET_DAY_CHANCE = 0.12;

/**
 * ACUs of products that are not sessions (Cascade, Terminal) on most billing days, to the
 * thousandth. Each day's amount is drawn from a source seeded by the day itself, so a day keeps
 * its amount whatever span is generated around it.
 */
export function nonSessionAcus(options: NonSessionOptions): Record<string, number> {
  const amounts: Record<string, number> = {};
  const salt = scramble32(options.seed);
  for (const day of billingDaysBetween(options.firstDay, options.lastDay)) {
    const startMs = billingDayStartMs(day) ?? 0;
    const random = seededRandom(scramble32((Math.floor(startMs / 86_400_000) ^ salt) >>> 0));
    if (random.chance(QUIET_DAY_CHANCE)) continue;
    const weekday = new Date(startMs).getUTCDay();
    const scale = weekday === 0 || weekday === 6 ? 0.3 : 1;
    const amount = Math.round(options.typicalAcus * scale * (0.4 + 1.2 * random.next()) * 1000) / 1000;
    if (amount > 0) amounts[day] = amount;
  }
  return amounts;
}
