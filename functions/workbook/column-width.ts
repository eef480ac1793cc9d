/** Padding Excel needs beyond the characters themselves (the filter button, the cell margins). */
const PADDING = 3;

/**
 * A width that fits the longest value actually present (a 38-character
 * session ID is never cut off), at least the header's, at most `max` (longer
 * text wraps instead).
 */
export function fittedWidth(header: string, values: Iterable<string | null>, max: number, min = 8): number {
  let longest = header.length;
  for (const value of values) if (value !== null && value.length > longest) longest = value.length;
  return Math.min(max, Math.max(min, longest + PADDING));
}
