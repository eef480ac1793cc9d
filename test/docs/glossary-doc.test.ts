import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossaryEntries, RETIRED_LABELS } from '#core/glossary/glossary.js';
import { between, tableRows } from '../support/markdown.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe("finance's guide uses the glossary's words", () => {
  it('lists every term of the glossary module in its glossary table', () => {
    const table = between(read('docs/finance.md'), '## One name per thing (glossary)', '\n### ');
    const labels = tableRows(table).flatMap(([first = '']) => first.split(' / ').map((l) => l.trim()));
    const missing = glossaryEntries()
      .map((term) => term.label)
      .filter((label) => !labels.includes(label));
    expect(missing).toEqual([]);
  });

  it('names no retired label outside the changelog', () => {
    for (const doc of ['README.md', 'docs/finance.md', 'docs/operations.md', 'docs/focus.md']) {
      const text = read(doc);
      expect(
        RETIRED_LABELS.filter((retired) => text.includes(retired)),
        doc,
      ).toEqual([]);
    }
    expect(read('CHANGELOG.md')).toContain('Unattributed (billed to no org)');
  });
});
