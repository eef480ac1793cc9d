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

/** Codes up to the highest one listed; any above counts as unknown. */
const TABLE_SIZE = Math.max(...Object.keys(EM).map((char) => char.charCodeAt(0))) + 1;

/**
 * The em widths by UTF-16 code, so measuring a cell is one pass of array
 * reads: the Record lookup per character (and the words split out of each
 * text) was the workbook's largest cost per row once rows grew to their lines.
 */
const EM_BY_CODE: Float64Array = (() => {
  const table = new Float64Array(TABLE_SIZE).fill(UNKNOWN_EM);
  for (let code = 0x30; code <= 0x39; code += 1) table[code] = DIGIT_EM;
  for (const [char, em] of Object.entries(EM)) table[char.charCodeAt(0)] = em;
  return table;
})();

/**
 * The em width of the character at `i`, and how many code units it takes: a
 * surrogate pair is one character (an unknown one), as `for…of` reads it.
 */
function emAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < TABLE_SIZE ? (EM_BY_CODE[code] as number) : UNKNOWN_EM;
}

function isPairAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** The printed width of one line of text at 11 pt, in column width units. */
export function textUnits(text: string, bold = false): number {
  let em = 0;
  for (let i = 0; i < text.length; i += 1) {
    em += emAt(text, i);
    if (isPairAt(text, i)) i += 1;
  }
  return em * UNITS_PER_EM * (bold ? BOLD : 1);
}

/** The widest word of a text that may wrap at its spaces. */
export function longestWordUnits(text: string, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => textUnits(word, bold)));
}

/**
 * Lines a text needs in a column `units` wide when a viewer breaks it at
 * spaces (a word longer than the line is broken where it must be). One pass
 * over the text, no strings split out of it: it runs for every wrapped cell
 * of the Sessions sheet. Words are what `split(' ')` gives within each
 * `split('\n')` paragraph, summed in the same order, so the count is exactly
 * that of measuring each word on its own.
 */
export function wrappedLines(text: string, units: number, bold = false): number {
  // Multiplied in textUnits' order, so a width is the very same number.
  const factor = bold ? BOLD : 1;
  const space = (EM_BY_CODE[SPACE] as number) * UNITS_PER_EM * factor;
  let lines = 1;
  let used = 0;
  let em = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : NEWLINE;
    if (code !== SPACE && code !== NEWLINE) {
      em += emAt(text, i);
      if (isPairAt(text, i)) i += 1;
      continue;
    }
    // A word ends: as textUnits(word, bold) would measure it.
    const width = em * UNITS_PER_EM * factor;
    em = 0;
    const needed = used === 0 ? width : used + space + width;
    if (needed <= units) {
      used = needed;
    } else {
      if (used > 0) lines += 1;
      // A word wider than the line takes lines of its own.
      lines += Math.max(0, Math.ceil(width / units) - 1);
      used = width % units || Math.min(width, units);
    }
    if (code === NEWLINE && i < text.length) {
      lines += 1;
      used = 0;
    }
  }
  return lines;
}
