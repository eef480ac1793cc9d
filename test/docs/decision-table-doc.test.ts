import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { between, tableRows } from '../support/markdown.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The ids of the doc's decision table: its rows' first cells. */
function docIds(): string[] {
  // The section may be the doc's last: a heading after it ends it either way.
  const section = between(`${read('docs/close.md')}\n## `, '## The decision table', '\n## ');
  return tableRows(section).map(([id = '']) => id);
}

/** The ids of the test's table: each row's `id: 'Dnn'`. */
function testIds(): string[] {
  return [...read('test/core/run/decide.test.ts').matchAll(/\bid: '(D\d+)'/g)].map((match) => match[1] ?? '');
}

describe("docs/close.md's decision table and test/core/run/decide.test.ts", () => {
  it('have the same rows, by id, each once', () => {
    const doc = docIds();
    const test = testIds();
    expect(doc.length).toBeGreaterThan(0);
    expect(new Set(doc).size, 'an id repeated in the doc').toBe(doc.length);
    expect(new Set(test).size, 'an id repeated in the test').toBe(test.length);
    expect(
      doc.filter((id) => !test.includes(id)),
      'doc rows without a test row',
    ).toEqual([]);
    expect(
      test.filter((id) => !doc.includes(id)),
      'test rows without a doc row',
    ).toEqual([]);
  });
});
