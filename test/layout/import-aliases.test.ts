// Issue 27, layout: package.json "imports" aliases (#core/*, #close/*, …) replace `../../` climbs
// into functions/. A relative import stays only inside its own top folder of functions/ and one
// level up at most; this keeps it so.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FUNCTIONS = join(ROOT, 'functions');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

const topOf = (path: string) => relative(FUNCTIONS, path).split(sep)[0];

describe('imports into functions/', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    imports: Record<string, string>;
  };

  it('have an alias for every top folder of functions/', () => {
    const tops = readdirSync(FUNCTIONS).filter((n) => statSync(join(FUNCTIONS, n)).isDirectory());
    expect(Object.keys(pkg.imports).sort()).toEqual(tops.map((t) => `#${t}/*`).sort());
    for (const top of tops) expect(pkg.imports[`#${top}/*`]).toBe(`./functions/${top}/*`);
  });

  it('climb into another top folder only through its alias', () => {
    const climbs: string[] = [];
    for (const folder of ['functions', 'test', 'bench', 'infra', 'scripts']) {
      for (const file of sources(join(ROOT, folder))) {
        const text = readFileSync(file, 'utf8');
        for (const [, spec] of text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.\.\/[^']+)'/g)) {
          const target = resolve(dirname(file), spec ?? '');
          if (relative(FUNCTIONS, target).startsWith('..')) continue;
          // A file directly in functions/ (generator.ts) has no folder to alias.
          if (dirname(target) === FUNCTIONS && !spec?.startsWith('../../')) continue;
          const inside = !relative(FUNCTIONS, file).startsWith('..');
          if (inside && topOf(file) === topOf(target) && !spec?.startsWith('../../')) continue;
          climbs.push(`${relative(ROOT, file)}: '${spec}'`);
        }
      }
    }
    expect(climbs).toEqual([]);
  });
});
