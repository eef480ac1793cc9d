import type { JournalLine } from '#core/cost-centres/journal.js';

/**
 * A line's description within `max` characters, deterministically. What tells
 * the lines of one cost centre apart is their kind and, for a true-up, the
 * period it trues up: so a true-up keeps "True-up August 2026", a shared-products
 * line drops its product list before its period, and anything still too long is
 * cut and ends in `~` so a reader sees it was shortened. Every target has its own
 * cost-centre column, so the cost centre is never what the text has to carry.
 */
export function lineTextOf(line: Pick<JournalLine, 'kind' | 'description'>, max: number): string {
  const text = line.description;
  if (text.length <= max) return text;
  if (line.kind === 'true-up') {
    const head = text.split(':')[0] ?? text;
    if (head.length <= max) return head;
  }
  if (line.kind === 'shared-products') {
    const short = text.replace(/ \([^)]*\)/, '');
    if (short.length <= max) return short;
  }
  return clipText(text, max);
}

/** Text cut to `max` characters, the last one a `~` to show the cut. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}~`;
}
