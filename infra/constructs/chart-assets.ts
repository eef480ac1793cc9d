import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { CHART_ASSET_MODULES } from '#charts/chart-assets.js';

/** Besides each package's files: package.json (module resolution reads its exports) and the licence. */
const COMPANIONS = ['package.json', 'LICENSE'];

/** One file to copy: from this checkout's node_modules to the same path under the bundle's. */
interface AssetCopy {
  readonly from: string;
  readonly to: string;
}

/**
 * The chart renderer's WebAssembly and fonts, copied beside the bundled
 * handler as `node_modules/<package>/<file>`: the bundle resolves them from
 * its own folder with the same `require.resolve` as an unbundled run. Plain
 * files, the same for every CPU, so the arm64 function gets what an x64
 * machine bundles; nothing is downloaded at synth time.
 */
export function chartAssetCopies(): AssetCopy[] {
  const resolve = createRequire(import.meta.url).resolve;
  const copies = new Map<string, string>();
  for (const specifier of Object.values(CHART_ASSET_MODULES)) {
    const parts = specifier.split('/');
    const packageName = parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const file = parts.slice(packageName.split('/').length).join('/');
    const absolute = resolve(specifier);
    const root = absolute.slice(0, absolute.length - file.length);
    copies.set(join('node_modules', packageName, file), absolute);
    for (const companion of COMPANIONS) {
      const path = join(root, companion);
      if (existsSync(path)) copies.set(join('node_modules', packageName, companion), path);
    }
  }
  return [...copies].map(([to, from]) => ({ from, to }));
}

/** NodejsFunction hooks that add chartAssetCopies() to the bundle after esbuild ran. */
export function chartAssetHooks(): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir, outputDir) =>
      chartAssetCopies().flatMap(({ from, to }) => {
        const target = join(outputDir, to);
        return [`mkdir -p "${join(target, '..')}"`, `cp "${from}" "${target}"`];
      }),
  };
}
