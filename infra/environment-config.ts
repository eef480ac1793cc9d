import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { ConfigError } from './config-error.js';
import { unknownContextKeys } from './unknown-context-keys.js';

/** The context key that names the environment: `cdk deploy -c env=prod` reads config/prod.json. */
export const ENV_CONTEXT_KEY = 'env';

const ENV_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface EnvironmentConfigSources {
  /** The committed folder of `<env>.json` files (the repository's config/). */
  readonly configDir: string;
  /** cdk.json's "context": the shared defaults a file overrides. */
  readonly cdkJsonContext: Readonly<Record<string, unknown>>;
  /** The settings the stack reads: a file key outside them is refused, naming the nearest. */
  readonly knownKeys: readonly string[];
}

/**
 * The settings of one deployment live in one committed file, config/<env>.json, so a later deploy
 * cannot drop a price or a time zone given once with -c. Precedence: an explicit `-c key=value`
 * over the file, the file over cdk.json's defaults. CDK hands the app one merged context, so a
 * value is taken as explicit when it differs from cdk.json's. Returns the values it set.
 */
export function applyEnvironmentConfig(app: App, sources: EnvironmentConfigSources): Record<string, unknown> {
  const env: unknown = app.node.tryGetContext(ENV_CONTEXT_KEY);
  if (env === undefined) return {};
  if (typeof env !== 'string' || !ENV_NAME.test(env)) {
    throw new ConfigError([
      { key: ENV_CONTEXT_KEY, value: env, message: 'must be an environment name (a-z, 0-9, -), e.g. prod' },
    ]);
  }
  const file = join(sources.configDir, `${env}.json`);
  if (!existsSync(file)) {
    const known = existsSync(sources.configDir)
      ? readdirSync(sources.configDir)
          .filter((name) => name.endsWith('.json'))
          .map((name) => name.slice(0, -'.json'.length))
          .sort()
      : [];
    throw new ConfigError([
      {
        key: ENV_CONTEXT_KEY,
        value: env,
        message: `has no file ${file}${known.length > 0 ? `; the environments are ${known.join(', ')}` : ''}`,
      },
    ]);
  }
  const values = readJsonObject(file);
  const unknown = unknownContextKeys(values, sources.knownKeys).map((p) => ({
    ...p,
    key: `${file}: ${p.key}`,
  }));
  if (unknown.length > 0) throw new ConfigError(unknown);
  const applied: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const current: unknown = app.node.tryGetContext(key);
    const explicit = current !== undefined && !sameValue(current, sources.cdkJsonContext[key]);
    if (explicit) continue;
    app.node.setContext(key, value);
    applied[key] = value;
  }
  return applied;
}

function readJsonObject(file: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([{ key: file, value: undefined, message: `is not valid JSON: ${String(error)}` }]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ConfigError([{ key: file, value: undefined, message: 'must be a JSON object of settings' }]);
  }
  return json as Record<string, unknown>;
}

// -c gives text ("90"), cdk.json a number (90): the same setting either way.
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
}
