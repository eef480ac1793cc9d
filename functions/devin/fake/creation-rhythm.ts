import type { SeededRandom } from './seeded-random.js';

/**
 * When in the period sessions start. `uniform`: evenly, the default. `working-week`: as a team
 * that works weekdays 09:00–18:00 UTC and runs automation around the clock does, so some hours of
 * the month hold twenty times the sessions of others; this is the shape that unbalances a client
 * splitting the month into equal slices of time.
 */
export type CreationRhythm = 'uniform' | 'working-week';

/** Relative rates: working hours, other weekday hours, weekend hours. */
const WORKING = 20;
const WEEKDAY = 4;
const WEEKEND = 1;

/** An instant in [fromMs, fromMs + spanMs), drawn from `random` at the rhythm's rates. */
export function creationInstant(
  random: SeededRandom,
  fromMs: number,
  spanMs: number,
  rhythm: CreationRhythm,
): number {
  for (;;) {
    // Uniform draws kept in proportion to the hour's rate: exact, and ~4 draws a session at most.
    const at = fromMs + Math.floor(random.next() * spanMs);
    if (rhythm === 'uniform' || random.next() * WORKING < rateAt(at)) return at;
  }
}

function rateAt(ms: number): number {
  const at = new Date(ms);
  const day = at.getUTCDay();
  if (day === 0 || day === 6) return WEEKEND;
  const hour = at.getUTCHours();
  return hour >= 9 && hour < 18 ? WORKING : WEEKDAY;
}

export function isCreationRhythm(value: string): value is CreationRhythm {
  return value === 'uniform' || value === 'working-week';
}
