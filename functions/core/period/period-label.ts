import type { CalendarDay, CalendarMonth } from './calendar-date.js';

// Fixed English names rather than Intl: the label lands in file contents and
// email subjects, and must not change with the host's locale or ICU data.
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "October 2026" */
export function monthLabel({ year, month }: CalendarMonth): string {
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** "1 Oct 2026 – 15 Oct 2026" (en dash) */
export function dayRangeLabel(first: CalendarDay, last: CalendarDay): string {
  return `${shortDay(first)} – ${shortDay(last)}`;
}

function shortDay({ year, month, day }: CalendarDay): string {
  return `${day} ${MONTH_NAMES[month - 1]?.slice(0, 3)} ${year}`;
}
