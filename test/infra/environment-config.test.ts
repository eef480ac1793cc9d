// Issue 31: a deployment's settings in one committed file, config/<env>.json, read with -c env=<env>.
// Explicit -c wins over the file, the file over cdk.json's defaults; unknown keys are refused.

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, readConfig } from '../../infra/config.js';
import { applyEnvironmentConfig } from '../../infra/environment-config.js';
import { FOCUS_CONFIG_KEYS } from '../../infra/focus-config.js';

const CDK_JSON = { timezone: 'UTC', currency: 'USD', transitionDays: 90 };
let dir: string;

function appWith(context: Record<string, unknown>) {
  const app = new App({ context: { ...CDK_JSON, ...context } });
  const applied = applyEnvironmentConfig(app, {
    configDir: dir,
    cdkJsonContext: CDK_JSON,
    knownKeys: [...CONFIG_KEYS, ...FOCUS_CONFIG_KEYS],
  });
  return { app, applied };
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.key}: ${p.message}`);
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('config/<env>.json', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'env-config-'));
    writeFileSync(
      join(dir, 'prod.json'),
      JSON.stringify({
        sender: 'reports@acme.example',
        recipients: 'finance@acme.example',
        acuPrice: '2.00',
        alarmEmail: 'ops@acme.example',
        timezone: 'Europe/Berlin',
        currency: 'EUR',
      }),
    );
    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ acuprice: '2.00' }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the stack the file’s settings over cdk.json’s defaults', () => {
    const { app } = appWith({ env: 'prod' });
    const config = readConfig(app);
    expect(config.acuPrice).toBe('2.00');
    expect(config.timezone).toBe('Europe/Berlin');
    expect(config.currency).toBe('EUR');
    expect(config.alarmEmail).toBe('ops@acme.example');
  });

  it('lets an explicit -c win over the file', () => {
    const { app, applied } = appWith({ env: 'prod', acuPrice: '3.10' });
    expect(readConfig(app).acuPrice).toBe('3.10');
    expect(applied).not.toHaveProperty('acuPrice');
  });

  it('reads nothing without -c env', () => {
    expect(appWith({}).applied).toEqual({});
  });

  it('refuses an unknown key in the file, naming the nearest setting', () => {
    expect(problemsOf(() => appWith({ env: 'typo' }))).toEqual([
      `${join(dir, 'typo.json')}: acuprice: is not a setting of this stack; did you mean acuPrice?`,
    ]);
  });

  it('refuses an environment with no file, listing those there are', () => {
    expect(problemsOf(() => appWith({ env: 'staging' }))).toEqual([
      `env: has no file ${join(dir, 'staging.json')}; the environments are prod, typo`,
    ]);
  });
});

describe('the committed config/ files', () => {
  it('each give a valid configuration', () => {
    const configDir = fileURLToPath(new URL('../../config/', import.meta.url));
    const names = readdirSync(configDir).filter((name) => name.endsWith('.json'));
    expect(names).toContain('example.json');
    for (const name of names) {
      const app = new App({ context: { ...CDK_JSON, env: name.slice(0, -'.json'.length) } });
      applyEnvironmentConfig(app, {
        configDir,
        cdkJsonContext: CDK_JSON,
        knownKeys: [...CONFIG_KEYS, ...FOCUS_CONFIG_KEYS],
      });
      expect(() => readConfig(app), name).not.toThrow();
    }
  });
});
