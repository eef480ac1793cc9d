/*
 * Okabe & Ito's colour-blind-safe palette (without its yellow and black, which
 * vanish on white or read as text), then two of Paul Tol's muted colours.
 * Ordered so the largest orgs get the most distinct hues. Every colour keeps a
 * 3:1 contrast with the white background (WCAG 1.4.11 for graphics), and
 * figures are always written beside the bars, so no reading depends on hue.
 */
export const ORG_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#882255',
  '#117733',
] as const;

/** Neutral, so "Other" never looks like one more org. */
export const OTHER_COLOUR = '#8A8F98';

/** The billed basis's Unattributed row: darker than Other, and no org's hue either. */
export const UNATTRIBUTED_COLOUR = '#4B5563';

/** How many orgs a chart names before the rest go into Other. */
export const MAX_NAMED_ORGS = ORG_COLOURS.length;
