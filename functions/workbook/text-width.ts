/*
 * How wide text prints in Calibri 11 (LibreOffice's Carlito has the same
 * metrics), in Excel's column width units: one unit is the widest digit,
 * 7 px at 96 dpi. Widths are Calibri's advance widths in em; a character not
 * listed counts as a capital's width, so an estimate errs wide, never narrow.
 */
const EM: Readonly<Record<string, number>> = {
  ' ': 0.226,
  '!': 0.326,
  '"': 0.401,
  '#': 0.498,
  $: 0.507,
  '%': 0.715,
  '&': 0.682,
  "'": 0.221,
  '(': 0.303,
  ')': 0.303,
  '*': 0.498,
  '+': 0.498,
  ',': 0.25,
  '-': 0.306,
  '.': 0.252,
  '/': 0.386,
  ':': 0.268,
  ';': 0.268,
  '<': 0.498,
  '=': 0.498,
  '>': 0.498,
  '?': 0.463,
  '@': 0.894,
  _: 0.498,
  '—': 0.905,
  '–': 0.498,
  '×': 0.498,
  '…': 0.75,
  '·': 0.252,
  a: 0.479,
  b: 0.525,
  c: 0.423,
  d: 0.525,
  e: 0.498,
  f: 0.305,
  g: 0.471,
  h: 0.525,
  i: 0.229,
  j: 0.239,
  k: 0.455,
  l: 0.229,
  m: 0.799,
  n: 0.525,
  o: 0.527,
  p: 0.525,
  q: 0.525,
  r: 0.349,
  s: 0.391,
  t: 0.335,
  u: 0.525,
  v: 0.452,
  w: 0.715,
  x: 0.433,
  y: 0.453,
  z: 0.395,
  A: 0.579,
  B: 0.544,
  C: 0.533,
  D: 0.615,
  E: 0.488,
  F: 0.459,
  G: 0.631,
  H: 0.623,
  I: 0.252,
  J: 0.319,
  K: 0.52,
  L: 0.42,
  M: 0.855,
  N: 0.646,
  O: 0.662,
  P: 0.517,
  Q: 0.673,
  R: 0.543,
  S: 0.459,
  T: 0.487,
  U: 0.642,
  V: 0.567,
  W: 0.89,
  X: 0.519,
  Y: 0.487,
  Z: 0.468,
};
const DIGIT_EM = 0.507;
const UNKNOWN_EM = 0.68;
/** 11 pt at 96 dpi is 14.67 px; a unit is 7 px. */
const UNITS_PER_EM = 14.67 / 7;
/** Bold Calibri runs about 4 % wider. */
const BOLD = 1.04;

/** The printed width of one line of text at 11 pt, in column width units. */
export function textUnits(text: string, bold = false): number {
  let em = 0;
  for (const char of text) {
    em += char >= '0' && char <= '9' ? DIGIT_EM : (EM[char] ?? UNKNOWN_EM);
  }
  return em * UNITS_PER_EM * (bold ? BOLD : 1);
}

/** The widest word of a text that may wrap at its spaces. */
export function longestWordUnits(text: string, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => textUnits(word, bold)));
}

/**
 * Lines a text needs in a column `units` wide when a viewer breaks it at
 * spaces (a word longer than the line is broken where it must be).
 */
export function wrappedLines(text: string, units: number, bold = false): number {
  const space = textUnits(' ', bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      const width = textUnits(word, bold);
      const needed = used === 0 ? width : used + space + width;
      if (needed <= units) {
        used = needed;
        continue;
      }
      if (used > 0) lines += 1;
      // A word wider than the line takes lines of its own.
      lines += Math.max(0, Math.ceil(width / units) - 1);
      used = width % units || Math.min(width, units);
    }
  }
  return lines;
}
