import { cleanApiText } from '#email/clean-api-text.js';

/** Text for an SVG text node or attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A name from the API as one line of chart text (no control or bidi characters, which XML or a reader would trip on). */
export function chartLabel(apiText: string): string {
  return cleanApiText(apiText);
}

const NARROW = new Set([..."il.,:;|!'ijltf()[]"]);
const WIDE = new Set([...'mwMW—%@']);

/**
 * Width of a line of DejaVu Sans in px, from its advance widths rounded up a
 * little (digits 0.64 em, capitals ~0.7 em). Used to fit names beside their
 * figures; erring wide only ever shortens a name early.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.32;
    else if (NARROW.has(ch)) em += 0.34;
    else if (WIDE.has(ch)) em += 0.98;
    else if (ch >= '0' && ch <= '9') em += 0.64;
    else if (ch >= 'A' && ch <= 'Z') em += 0.74;
    else em += 0.62;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

/** The text, cut with an ellipsis so it fits `maxWidth`. */
export function fitText(text: string, fontSize: number, maxWidth: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, fontSize, bold) > maxWidth)
    chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

export interface TextOptions {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly bold?: boolean;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly fill?: string;
}

export const FONT_FAMILY = 'DejaVu Sans';
export const TEXT_COLOUR = '#1F2937';
export const MUTED_COLOUR = '#4B5563';
export const GRID_COLOUR = '#E5E7EB';

export function svgText(text: string, o: TextOptions): string {
  const weight = o.bold ? ' font-weight="bold"' : '';
  const anchor = o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : '';
  return `<text x="${round(o.x)}" y="${round(o.y)}" font-size="${o.size}"${weight}${anchor} fill="${o.fill ?? TEXT_COLOUR}">${escapeXml(text)}</text>`;
}

export function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** The document wrapper: a white background so the PNG reads the same in dark-mode mail clients. */
export function svgDocument(width: number, height: number, title: string, body: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${round(height)}" viewBox="0 0 ${width} ${round(height)}" font-family="${FONT_FAMILY}" role="img">
<title>${escapeXml(title)}</title>
<rect width="100%" height="100%" fill="#FFFFFF"/>
${body.join('\n')}
</svg>
`;
}
