/**
 * The settings that CDK context, the report function's environment and the report CLI share
 * (functions/config/settings.ts): each name exists where the table says, the three places take
 * and refuse the same values (and read the same value from them), and docs/defaults.md lists each.
 */
import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { lambdaConfigFromEnv } from '#chargeback/lambda-config.js';
import { parseCliOptions, USAGE } from '#cli/cli-options.js';
import { readSetting, type Setting } from '#config/setting.js';
import { SETTINGS } from '#config/settings.js';
import { settingRow } from '#config/settings-table.js';
import { InvalidInputError } from '#core/errors.js';
import { CONFIG_KEYS, ConfigError, parseConfig } from '../../infra/config.js';
import { buildStack, MINIMAL_CONTEXT } from '../infra/support/build-stack.js';

const LAMBDA_ENV = {
  REPORT_BUCKET: 'chargeback-reports',
  EMAIL_SENDER: 'reports@example.com',
  EMAIL_RECIPIENTS: 'finance@example.com',
  ACU_PRICE: '2.25',
  DEVIN_API_KEY_SECRET: 'devin-chargeback/api-key',
};

/** Values each setting must take, then values it must refuse, in every place that names it. */
const SAMPLES: Record<string, { readonly good: readonly string[]; readonly bad: readonly string[] }> = {
  acuPrice: { good: ['2.25', '1', '0.000001', ' 3.10 '], bad: ['0', '-1', '2.1234567', 'two'] },
  currency: { good: ['USD', 'eur', ' GBP '], bad: ['ABC', 'US', '€'] },
  timezone: { good: ['UTC', 'Europe/Berlin', ' America/New_York '], bad: ['Mars/Olympus', '+01:00', 'UTC/'] },
  alignment: { good: ['calendar', 'billing-day', 'billing-cycle'], bad: ['fiscal', 'Calendar'] },
  costBasis: { good: ['sessions', 'billed', ' billed '], bad: ['seats', 'Billed'] },
  creditAccount: {
    good: ['2100', 'US01=2100;UK01=2150', '2100; UK01 = 2150'],
    bad: ['US01=', '2100;2200', 'US01=1;US01=2'],
  },
  sharedCosts: { good: ['proportional', 'EVEN', 'to:CC-900', 'none'], bad: ['to:', 'half'] },
  trueUpMonths: { good: ['0', '3', '24'], bad: ['25', '-1', '1.5', 'many'] },
  closeSettleHours: { good: ['0', '4', '1.5', '168'], bad: ['169', '-1', 'soon'] },
  journalFormats: { good: ['xero', 'netsuite,xero', 'generic'], bad: ['sap', 'xero,sap'] },
  showback: { good: ['true', 'false', 'TRUE'], bad: ['yes', '1'] },
  maxSessionRows: { good: ['1', '250000', '1048561'], bad: ['0', '1048562', '1e6', 'many'] },
  devinApiVersion: { good: ['v2', 'v3'], bad: ['v4', 'V3'] },
  heartbeatHours: { good: ['1', '24', '744'], bad: ['0', '745', '1.5'] },
  attachMaxBytes: { good: ['0', '5242880', '7000000'], bad: ['7000001', '-1', 'big'] },
  sessionsPerInvocation: { good: ['1', '200000'], bad: ['0', '01', '1.5'] },
};

/** The CLI passes these on as text (checked), read with the cost-centre map or the pricing. */
const TEXT_IN_CLI = ['creditAccount', 'sharedCosts', 'acuPrice', 'currency'];

/** The function keeps the price and its currency in one Pricing object. */
const nested = (value: unknown): unknown[] =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Map)
    ? Object.values(value)
    : [];

type Outcome =
  | { readonly taken: true; readonly value: unknown }
  | { readonly taken: false; readonly named: string };

/** Runs `read`; a refusal must name `name` (the key, variable or flag the value was given as). */
function outcome(read: () => unknown, name: string): Outcome {
  try {
    return { taken: true, value: read() };
  } catch (error) {
    if (error instanceof InvalidInputError) return { taken: false, named: error.field };
    if (error instanceof ConfigError) return { taken: false, named: error.problems[0]?.key ?? '?' };
    throw new Error(`${name}: not a refusal that names the input`, { cause: error });
  }
}

/** What each place makes of `text` for `setting`, by the name it gives the place. */
function everyPlace(setting: Setting<unknown>, text: string): Record<string, Outcome> {
  const places: Record<string, Outcome> = {
    schema: outcome(() => readSetting(setting, text, 'schema'), 'schema'),
  };
  if (setting.context) {
    const key = setting.context;
    places[key] = outcome(() => parseConfig({ ...MINIMAL_CONTEXT, [key]: text }), key);
  }
  if (setting.lambdaEnv) {
    const name = setting.lambdaEnv;
    places[name] = outcome(() => lambdaConfigFromEnv({ ...LAMBDA_ENV, [name]: text }), name);
  }
  if (setting.cliEnv) {
    const name = setting.cliEnv;
    places[`CLI ${name}`] = outcome(() => parseCliOptions([], { [name]: text }), name);
  }
  if (setting.cliFlag && setting.name !== 'showback') {
    const flag = setting.cliFlag;
    places[flag] = outcome(() => parseCliOptions([`${flag}=${text}`], {}), flag);
  }
  return places;
}

describe.each(SETTINGS.map((setting) => [setting.name, setting] as const))('%s', (name, setting) => {
  const samples = SAMPLES[name];

  it('has samples here, so that no setting goes unchecked', () => {
    expect(samples?.good.length).toBeGreaterThan(0);
    expect(samples?.bad.length).toBeGreaterThan(0);
  });

  it.each(samples?.good ?? [])('is taken everywhere: %j', (text) => {
    for (const [place, result] of Object.entries(everyPlace(setting, text))) {
      expect(result, `${place} refused ${JSON.stringify(text)}`).toMatchObject({ taken: true });
    }
  });

  it.each(samples?.bad ?? [])('is refused everywhere, naming the place: %j', (text) => {
    for (const [place, result] of Object.entries(everyPlace(setting, text))) {
      const named = place.replace(/^CLI /, '');
      expect(result, `${place} took ${JSON.stringify(text)}`).toEqual({ taken: false, named });
    }
  });

  it('reads the same value in the function and the CLI as the schema does', () => {
    for (const text of samples?.good ?? []) {
      const value = readSetting(setting, text, name);
      const field = Object.entries(lambdaConfigFromEnv({ ...LAMBDA_ENV, [setting.lambdaEnv ?? '-']: text }));
      if (setting.lambdaEnv) expect(field.flatMap(([, v]) => [v, ...nested(v)])).toContainEqual(value);
      if (setting.cliEnv && !TEXT_IN_CLI.includes(name)) {
        const cli = Object.values(parseCliOptions([], { [setting.cliEnv]: text }));
        expect(cli, `${setting.cliEnv}=${text}`).toContainEqual(value);
      }
    }
  });

  it('takes blank as unset, the default, everywhere but a blank flag (and a deployment without a price)', () => {
    for (const [place, result] of Object.entries(everyPlace(setting, ' '))) {
      const refused =
        place === setting.cliFlag ||
        (setting.requiredToDeploy === true && (place === setting.context || place === setting.lambdaEnv));
      if (refused) expect(result).toEqual({ taken: false, named: place });
      else expect(result, place).toMatchObject({ taken: true });
    }
  });

  it('is named where the table says', () => {
    if (setting.context) expect(CONFIG_KEYS).toContain(setting.context);
    if (setting.cliFlag) expect(USAGE).toMatch(new RegExp(`^ {2}${setting.cliFlag}[ =]`, 'm'));
    if (setting.cliEnv) expect(USAGE).toContain(`$${setting.cliEnv}`);
  });

  it('is in docs/defaults.md, with its names, default and description', () => {
    expect(readFileSync('docs/defaults.md', 'utf8').split('\n')).toContain(settingRow(setting));
  });
});

describe('the stack', () => {
  it('passes each setting given in context on to the function, under its environment name', () => {
    const context = Object.fromEntries(
      SETTINGS.flatMap((setting) => {
        const text = SAMPLES[setting.name]?.good[0];
        return setting.context && text ? [[setting.context, text]] : [];
      }),
    );
    const functions = Template.fromStack(buildStack(context).stack).findResources('AWS::Lambda::Function');
    const report = Object.values(functions)
      .map((resource) => resource.Properties?.Environment?.Variables as Record<string, unknown> | undefined)
      .find((variables) => variables?.REPORT_BUCKET !== undefined && variables?.ACU_PRICE !== undefined);
    for (const setting of SETTINGS) {
      if (setting.context && setting.lambdaEnv)
        expect(Object.keys(report ?? {})).toContain(setting.lambdaEnv);
    }
  });
});
