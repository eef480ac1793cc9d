// The link service's bundle carries its schemas with zod/mini, not classic zod (issue 31: zod was
// 44 % of the bundle). Built with the stack's own bundling options; the metafile names each input.

import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { LINK_HANDLER_ENTRY } from '../../infra/constructs/download-link-service.js';
import { LAMBDA_ESM_BUNDLING } from '../../infra/constructs/node-bundling.js';

describe('the link service bundle', () => {
  it('holds no classic zod, and zod stays a small part of it', async () => {
    const result = await build({
      entryPoints: [LINK_HANDLER_ENTRY],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: LAMBDA_ESM_BUNDLING.target,
      mainFields: [...(LAMBDA_ESM_BUNDLING.mainFields ?? [])],
      minify: true,
      write: false,
      outfile: 'index.mjs',
      metafile: true,
      logLevel: 'error',
    });
    const output = Object.values(result.metafile.outputs)[0];
    if (output === undefined) throw new Error('esbuild gave no output');
    const inputs = Object.entries(output.inputs);
    expect(
      inputs.map(([path]) => path).filter((path) => path.includes('node_modules/zod/v4/classic/')),
    ).toEqual([]);
    const zodBytes = inputs
      .filter(([path]) => path.includes('node_modules/zod/'))
      .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
    // 444 KB with classic zod; about 31 KB with zod/mini.
    expect(zodBytes).toBeGreaterThan(0);
    expect(zodBytes).toBeLessThan(80 * 1024);
  }, 60_000);
});
