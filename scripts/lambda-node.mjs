// Prints the path of a Node.js 24 binary, the Lambda's runtime (nodejs24.x), fetching it once
// from the npm registry's Node binary package (node-<platform>-<arch>) into node_modules/.cache.
// Not a devDependency on purpose: that package links `node_modules/.bin/node`, which npm scripts
// put first on PATH, so every `npm test` would silently run on Node 24 instead of the Node 20 the
// project builds and tests on. The version and each tarball's integrity are pinned here.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAMBDA_NODE_VERSION = '24.22.3';
const INTEGRITY = {
  'linux-x64':
    'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  'linux-arm64':
    'sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==',
};

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export function lambdaNodePath() {
  const platform = `${process.platform}-${process.arch}`;
  const integrity = INTEGRITY[platform];
  if (integrity === undefined) {
    throw new Error(
      `no pinned Node.js ${LAMBDA_NODE_VERSION} binary for ${platform}; pin node-${platform}'s integrity in scripts/lambda-node.mjs`,
    );
  }
  const home = join(ROOT, 'node_modules', '.cache', 'lambda-node', `${LAMBDA_NODE_VERSION}-${platform}`);
  const binary = join(home, 'bin', 'node');
  if (existsSync(binary)) return binary;

  const cache = join(ROOT, 'node_modules', '.cache', 'lambda-node');
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, 'fetch-'));
  try {
    const spec = `node-${platform}@${LAMBDA_NODE_VERSION}`;
    // The ordinary client, so the registry, proxy and auth settings of the machine apply.
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', spec, '--json', '--silent', '--pack-destination', work], {
        cwd: work,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    const tarball = join(work, packed.filename);
    const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (actual !== integrity) throw new Error(`${spec}: integrity ${actual}, expected ${integrity}`);
    execFileSync('tar', ['-xzf', tarball, '-C', work]);
    if (!existsSync(join(work, 'package', 'bin', 'node'))) throw new Error(`${spec} holds no bin/node`);
    rmSync(home, { recursive: true, force: true });
    renameSync(join(work, 'package'), home);
    return binary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${lambdaNodePath()}\n`);
}
