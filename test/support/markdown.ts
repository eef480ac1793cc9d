/** Just enough Markdown reading for the tests that hold the docs to the code: no renderer, no dependency. */

/** The text outside fenced code blocks, line by line (fenced lines become empty, so numbers stay right). */
export function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (line.trimStart().startsWith('```')) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

export interface MarkdownLink {
  readonly target: string;
  readonly line: number;
}

/** Every inline link `[text](target)` outside code, with its 1-based line. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  return proseLines(markdown).flatMap((line, index) =>
    [...line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => ({
      target: match[1] ?? '',
      line: index + 1,
    })),
  );
}

/**
 * The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces to hyphens, and
 * `-1`, `-2` … on repeats.
 */
export function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = (heading[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The text between two marker lines; throws naming the marker that is missing. */
export function between(markdown: string, start: string, end: string): string {
  const from = markdown.indexOf(start);
  if (from < 0) throw new Error(`marker ${JSON.stringify(start)} not found`);
  const to = markdown.indexOf(end, from + start.length);
  if (to < 0) throw new Error(`marker ${JSON.stringify(end)} not found after ${JSON.stringify(start)}`);
  return markdown.slice(from + start.length, to);
}

/** Each table row of the text as its trimmed cells, header and separator rows left out. */
export function tableRows(markdown: string): string[][] {
  const rows = proseLines(markdown)
    .filter((line) => line.trimStart().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  return rows.filter((cells, i) => !cells.every((cell) => /^:?-+:?$/.test(cell)) && !isHeader(rows, i));
}

function isHeader(rows: string[][], index: number): boolean {
  const next = rows[index + 1];
  return next?.every((cell) => /^:?-+:?$/.test(cell)) === true;
}
