// `npm run bench:bundles`: each Lambda bundle's size, built by esbuild with the stack's own
// bundling options (infra/constructs/node-bundling.ts), and the packages that weigh most in it,
// from esbuild's metafile (bytes each input contributes to the minified output). Figures, not
// assertions. `--json` prints them as one JSON object.

import { build, type Metafile } from 'esbuild';
import { LINK_HANDLER_ENTRY } from '../infra/constructs/download-link-service.js';
import { LAMBDA_ESM_BUNDLING } from '../infra/constructs/node-bundling.js';
import { HANDLER_ENTRY } from '../infra/constructs/report-function.js';

const BUNDLES = { report: HANDLER_ENTRY, link: LINK_HANDLER_ENTRY } as const;
const TOP = 8;

interface BundleSize {
  readonly bytes: number;
  /** Package (or `(own code)`) → bytes in the minified output, largest first. */
  readonly packages: Record<string, number>;
}

/** `node_modules/@scope/name/…` → `@scope/name`; anything outside node_modules is the project's own. */
function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return '(own code)';
  const [first = '', second = ''] = input.slice(at + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

async function measure(entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: LAMBDA_ESM_BUNDLING.target,
    mainFields: [...(LAMBDA_ESM_BUNDLING.mainFields ?? [])],
    banner: { js: LAMBDA_ESM_BUNDLING.banner ?? '' },
    minify: LAMBDA_ESM_BUNDLING.minify,
    write: false,
    outfile: 'index.mjs',
    metafile: true,
    logLevel: 'error',
  });
  const meta: Metafile = result.metafile;
  const output = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined);
  if (output === undefined) throw new Error(`esbuild gave no output for ${entry}`);
  const packages: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = packageOf(input);
    packages[name] = (packages[name] ?? 0) + bytesInOutput;
  }
  const sorted = Object.fromEntries(Object.entries(packages).sort(([, a], [, b]) => b - a));
  return { bytes: output.bytes, packages: sorted };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sizes = Object.fromEntries(
  await Promise.all(
    Object.entries(BUNDLES).map(async ([name, entry]) => [name, await measure(entry)] as const),
  ),
) as Record<keyof typeof BUNDLES, BundleSize>;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(sizes));
} else {
  for (const [name, size] of Object.entries(sizes)) {
    console.log(`${name} bundle: ${kb(size.bytes)} minified`);
    for (const [pkg, bytes] of Object.entries(size.packages).slice(0, TOP)) {
      console.log(
        `  ${pkg.padEnd(32)} ${kb(bytes).padStart(10)}  ${((100 * bytes) / size.bytes).toFixed(1)} %`,
      );
    }
  }
  const zod = sizes.link.packages.zod ?? 0;
  console.log(`zod in the link bundle: ${kb(zod)}, ${((100 * zod) / sizes.link.bytes).toFixed(1)} % of it`);
}
