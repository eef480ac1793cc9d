import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { headingAnchors, markdownLinks } from '../support/markdown.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The guides a reader follows: the README, the changelog and every file under docs/. */
const DOCS = [
  'README.md',
  'CHANGELOG.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the docs link only to what exists', () => {
  it('finds the guides it checks', () => {
    expect(DOCS).toEqual(
      expect.arrayContaining([
        'docs/finance.md',
        'docs/operations.md',
        'docs/focus.md',
        'docs/architecture.md',
      ]),
    );
  });

  it.each(DOCS)('every relative link in %s names a file that exists, and a heading of it', (doc) => {
    const broken: string[] = [];
    for (const { target, line } of markdownLinks(read(doc))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …: not ours to check
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? join(ROOT, doc) : resolve(dirname(join(ROOT, doc)), path);
      const where = `${doc}:${line} → ${target}`;
      if (!existsSync(file)) {
        broken.push(`${where}: no file ${relative(ROOT, file)}`);
      } else if (
        anchor !== undefined &&
        file.endsWith('.md') &&
        !headingAnchors(readFileSync(file, 'utf8')).has(anchor)
      ) {
        broken.push(`${where}: no heading #${anchor} in ${relative(ROOT, file)}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('reads links and anchors as GitHub does (a broken link is caught)', () => {
    const sample =
      '# Deploy (the minimum)\n\n### `AlarmsFunctionErrors`: it failed\n\nSee [x](nowhere.md#a).\n';
    expect(headingAnchors(sample)).toEqual(new Set(['deploy-the-minimum', 'alarmsfunctionerrors-it-failed']));
    expect(markdownLinks(sample)).toEqual([{ target: 'nowhere.md#a', line: 5 }]);
    expect(markdownLinks('```\n[x](in-code.md)\n```\n`[y](inline.md)`')).toEqual([]);
  });
});
