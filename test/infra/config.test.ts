import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, ConfigError, cronProblem, parseConfig, readConfig } from '../../infra/config.js';
import { cdkJsonContext, MINIMAL_CONTEXT } from './support/build-stack.js';

function problemsOf(raw: Record<string, unknown>) {
  try {
    parseConfig(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('needs recipients, sender, acuPrice and alarmEmail; everything else has a documented default', () => {
    expect(
      parseConfig({
        recipients: 'a@example.com',
        sender: 'b@example.com',
        acuPrice: '2.25',
        alarmEmail: 'o@example.com',
      }),
    ).toEqual({
      recipients: ['a@example.com'],
      sender: 'b@example.com',
      alarmEmail: 'o@example.com',
      allowedRecipientDomains: ['example.com'],
      schedule: 'cron(0 14 1 * ? *)',
      scheduleTimezone: 'UTC',
      catchUpSchedule: 'cron(0 20 * * ? *)',
      timezone: 'UTC',
      acuPrice: '2.25',
      currency: 'USD',
      transitionDays: 90,
      reportPrefix: 'reports/',
      linkTtlSeconds: 2_592_000,
      durableLinks: true,
      distributedRuns: false,
      attachMaxBytes: 0,
      alignment: 'calendar',
      costBasis: 'sessions',
      showback: false,
      maxSessionRows: 1_000_000,
      journalFormats: [],
      // SSE-S3 and AWS-managed keys; no Object Lock (no objectLock key at all).
      encryptionKey: { kind: 'none' },
    });
  });

  it('bounds event recipients to the recipients’ and sender’s domains unless allowedRecipientDomains says', () => {
    const minimal = {
      ...MINIMAL_CONTEXT,
      recipients: 'a@Example.com,b@corp.example',
      sender: 'reports@mail.example',
    };
    expect(parseConfig(minimal).allowedRecipientDomains).toEqual([
      'example.com',
      'corp.example',
      'mail.example',
    ]);
    expect(
      parseConfig({ ...minimal, allowedRecipientDomains: 'example.com, Partner.example' })
        .allowedRecipientDomains,
    ).toEqual(['example.com', 'partner.example']);
    expect(
      parseConfig({ ...minimal, allowedRecipientDomains: ['example.com', 'partner.example'] })
        .allowedRecipientDomains,
    ).toEqual(['example.com', 'partner.example']);
    const error = problemsOf({ ...minimal, allowedRecipientDomains: 'example.com,@evil' });
    expect(error.problems).toEqual([
      {
        key: 'allowedRecipientDomains',
        value: 'example.com,@evil',
        message: '"@evil" is not a domain name such as example.com',
      },
    ]);
  });

  it('schedules by alignment unless a schedule is given', () => {
    const minimal = MINIMAL_CONTEXT;
    // A billing-day month ends 08:00 UTC on the 1st: 14:00 UTC is after it and its 4-hour settle margin.
    expect(parseConfig({ ...minimal, alignment: 'billing-day' }).schedule).toBe('cron(0 14 1 * ? *)');
    // Cycles end on any day; the close record keeps the daily runs to one close per cycle.
    expect(parseConfig({ ...minimal, alignment: 'billing-cycle' }).schedule).toBe('cron(0 14 * * ? *)');
    expect(
      parseConfig({ ...minimal, alignment: 'billing-day', schedule: 'cron(0 12 3 * ? *)' }).schedule,
    ).toBe('cron(0 12 3 * ? *)');
    expect(parseConfig({ ...minimal, costBasis: 'billed' }).costBasis).toBe('billed');
  });

  it('writes the generic journal only unless journalFormats names more (a comma list or a JSON array)', () => {
    expect(parseConfig(MINIMAL_CONTEXT).journalFormats).toEqual([]);
    expect(parseConfig({ ...MINIMAL_CONTEXT, journalFormats: 'generic' }).journalFormats).toEqual([]);
    expect(parseConfig({ ...MINIMAL_CONTEXT, journalFormats: 'xero, netsuite' }).journalFormats).toEqual([
      'netsuite',
      'xero',
    ]);
    expect(parseConfig({ ...MINIMAL_CONTEXT, journalFormats: ['oracle-fbdi'] }).journalFormats).toEqual([
      'oracle-fbdi',
    ]);
  });

  it('caps the workbook at a million session rows unless told otherwise', () => {
    const minimal = MINIMAL_CONTEXT;
    expect(parseConfig(minimal).maxSessionRows).toBe(1_000_000);
    expect(parseConfig({ ...minimal, maxSessionRows: '5' }).maxSessionRows).toBe(5);
    expect(parseConfig({ ...minimal, maxSessionRows: 1_048_561 }).maxSessionRows).toBe(1_048_561);
  });

  it.each([
    ['alignment', 'fiscal', /alignment = "fiscal": must be calendar, billing-day/],
    ['costBasis', 'seats', /costBasis = "seats": must be sessions .* or billed/],
    ['showback', 'yes', /showback = "yes": must be true or false/],
    ['creditAccount', 'US01=', /creditAccount = "US01=": expects ENTITY=ACCOUNT pairs/],
    ['costCentresKey', '/abs/key.csv', /costCentresKey = "\/abs\/key.csv": must be an S3 object key/],
    ['maxSessionRows', '0', /maxSessionRows = "0": must be a whole number from 1 to 1,048,561/],
    ['maxSessionRows', '1048576', /maxSessionRows = "1048576": must be a whole number from 1 to 1,048,561/],
    ['maxSessionRows', 'many', /maxSessionRows = "many": must be a whole number/],
    [
      'journalFormats',
      'xero,sap',
      /journalFormats = "xero,sap": "sap" is not a journal format; use one of generic, netsuite, netsuite-intercompany, sap-s4, oracle-fbdi, xero, quickbooks-online/,
    ],
  ])('refuses an unknown %s, naming key and value', (key, value, message) => {
    const error = problemsOf({ ...MINIMAL_CONTEXT, [key]: value });
    expect(error.message).toMatch(message);
  });

  it('keeps the defaults in cdk.json and in code identical', () => {
    expect(parseConfig({ ...cdkJsonContext(), ...MINIMAL_CONTEXT })).toEqual(parseConfig(MINIMAL_CONTEXT));
    for (const [key, value] of Object.entries(CONFIG_DEFAULTS)) expect(cdkJsonContext()[key]).toEqual(value);
  });

  it('reads -c style text, cdk.json numbers, blanks as unset and trims lists', () => {
    const config = parseConfig({
      recipients: ' a@example.com, b@example.org ,',
      sender: 'b@example.com',
      timezone: 'Europe/Berlin',
      acuPrice: 2,
      currency: 'eur',
      transitionDays: '30',
      linkTtlSeconds: 3600,
      attachMaxBytes: '0',
      bucketName: '',
      alarmEmail: 'none',
      apiKeySecret: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:devin/api-key-AbC123',
      devinApiUrl: 'https://devin.internal.example.com',
      devinApiVersion: 'v3',
    });
    expect(config).toMatchObject({
      recipients: ['a@example.com', 'b@example.org'],
      timezone: 'Europe/Berlin',
      acuPrice: '2',
      currency: 'EUR',
      transitionDays: 30,
      linkTtlSeconds: 3600,
      attachMaxBytes: 0,
      apiKeySecret: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:devin/api-key-AbC123',
      devinApiUrl: 'https://devin.internal.example.com',
      devinApiVersion: 'v3',
    });
    expect(config.bucketName).toBeUndefined();
    expect(config.alarmEmail).toBeUndefined();
  });

  it('names a missing sender', () => {
    const error = problemsOf({ recipients: 'a@example.com', acuPrice: '2.25', alarmEmail: 'none' });
    expect(error.problems).toEqual([
      { key: 'sender', value: undefined, message: expect.stringContaining('is required') },
    ]);
    expect(error.message).toContain('sender: is required');
  });

  it('names missing recipients, also when given as a blank -c value', () => {
    for (const recipients of [undefined, '', ' , ']) {
      const error = problemsOf({ ...MINIMAL_CONTEXT, recipients, sender: 'b@example.com' });
      expect(error.problems.map((p) => p.key)).toEqual(['recipients']);
    }
  });

  it('names a bad time zone with its value', () => {
    const error = problemsOf({ ...MINIMAL_CONTEXT, timezone: 'Mars/Olympus_Mons' });
    expect(error.problems).toEqual([
      { key: 'timezone', value: 'Mars/Olympus_Mons', message: expect.stringContaining('IANA') },
    ]);
    expect(error.message).toContain('timezone = "Mars/Olympus_Mons"');
  });

  it('rejects offset-style zones that Intl may accept but Scheduler does not', () => {
    expect(problemsOf({ ...MINIMAL_CONTEXT, timezone: '+01:00' }).problems[0]?.key).toBe('timezone');
  });

  it('names the bad address inside a recipient list', () => {
    const error = problemsOf({ ...MINIMAL_CONTEXT, recipients: 'a@example.com, finance-at-example.com' });
    expect(error.problems[0]?.key).toBe('recipients');
    expect(error.problems[0]?.message).toContain('"finance-at-example.com" is not a plain e-mail address');
  });

  it('rejects a bad sender and a bad alarm e-mail', () => {
    const error = problemsOf({ ...MINIMAL_CONTEXT, sender: 'Reports <r@example.com>', alarmEmail: 'ops@' });
    expect(error.problems.map((p) => p.key)).toEqual(['sender', 'alarmEmail']);
  });

  it('refuses more recipients than SES takes in one message', () => {
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`).join(',');
    expect(problemsOf({ ...MINIMAL_CONTEXT, recipients: many }).problems[0]?.message).toContain('at most 50');
  });

  it.each([
    ['acuPrice', '-1'],
    ['acuPrice', '0'],
    ['acuPrice', '2.1234567'],
    ['acuPrice', 'two'],
    ['currency', 'ABC'],
    ['transitionDays', '0'],
    ['transitionDays', '1.5'],
    ['linkTtlSeconds', '31622401'],
    ['linkTtlSeconds', '59'],
    ['durableLinks', 'yes'],
    ['attachMaxBytes', '10000000'],
    ['bucketName', 'My_Bucket'],
    ['apiKeySecret', 'has spaces'],
    ['reportPrefix', '/reports/'],
    ['reportPrefix', 'reports'],
    ['devinApiUrl', 'http://api.devin.ai'],
    ['devinApiVersion', 'v4'],
  ])('rejects %s = %s, naming key and value', (key, value) => {
    const error = problemsOf({ ...MINIMAL_CONTEXT, [key]: value });
    expect(error.problems).toEqual([{ key, value, message: expect.any(String) }]);
    expect(error.message).toContain(`${key} = ${JSON.stringify(value)}`);
  });

  it('reads durableLinks from -c text or a cdk.json boolean', () => {
    expect(parseConfig({ ...MINIMAL_CONTEXT, durableLinks: 'false' }).durableLinks).toBe(false);
    expect(parseConfig({ ...MINIMAL_CONTEXT, durableLinks: false }).durableLinks).toBe(false);
    expect(parseConfig({ ...MINIMAL_CONTEXT, durableLinks: 'true' }).durableLinks).toBe(true);
    expect(parseConfig({ ...MINIMAL_CONTEXT, linkTtlSeconds: '31622400' }).linkTtlSeconds).toBe(31_622_400);
  });

  it('reports every problem at once', () => {
    const error = problemsOf({ timezone: 'Nowhere', currency: 'ABC' });
    expect(error.problems.map((p) => p.key)).toEqual([
      'recipients',
      'sender',
      'timezone',
      'acuPrice',
      'currency',
      'alarmEmail',
    ]);
  });

  it('requires an ACU price: no list price stands in for a contract', () => {
    const { acuPrice: _, ...withoutPrice } = MINIMAL_CONTEXT;
    expect(problemsOf(withoutPrice).problems).toEqual([
      { key: 'acuPrice', value: undefined, message: expect.stringContaining('is required') },
    ]);
  });

  it('requires alarmEmail, and takes "none" as an opt-out', () => {
    const { alarmEmail: _, ...withoutAlarms } = MINIMAL_CONTEXT;
    expect(problemsOf(withoutAlarms).problems).toEqual([
      { key: 'alarmEmail', value: undefined, message: expect.stringContaining('"none"') },
    ]);
    expect(parseConfig({ ...withoutAlarms, alarmEmail: 'none' }).alarmEmail).toBeUndefined();
    expect(parseConfig({ ...withoutAlarms, alarmEmail: 'ops@example.com' }).alarmEmail).toBe(
      'ops@example.com',
    );
  });
});

describe('cronProblem', () => {
  it('accepts Scheduler cron expressions', () => {
    expect(cronProblem('cron(0 6 1 * ? *)')).toBeUndefined();
    expect(cronProblem('cron(30 7 ? * MON#1 *)')).toBeUndefined();
    expect(cronProblem('cron(0 6 L * ? *)')).toBeUndefined();
  });

  it.each([
    ['rate(30 days)', 'must look like cron('],
    ['0 6 1 * ? *', 'must look like cron('],
    ['cron(0 6 1 * ?)', 'found 5'],
    ['cron(0 6 1 * 1 *)', 'exactly one of day-of-month and day-of-week'],
    ['cron(0 6 ? * ? *)', 'exactly one of day-of-month and day-of-week'],
    ['cron(0 6 1 * ? $)', 'characters'],
  ])('rejects %s', (expression, problem) => {
    expect(cronProblem(expression)).toContain(problem);
  });
});

describe('readConfig', () => {
  it('refuses an unknown key, naming the nearest known one, with the other problems', () => {
    const app = new App({
      context: { ...MINIMAL_CONTEXT, acuprice: '3.10', alarmEmial: 'x', timezone: 'Nowhere' },
    });
    try {
      readConfig(app);
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        { key: 'timezone', value: 'Nowhere', message: expect.stringContaining('IANA') },
        { key: 'acuprice', value: '3.10', message: 'is not a setting of this stack; did you mean acuPrice?' },
        {
          key: 'alarmEmial',
          value: 'x',
          message: 'is not a setting of this stack; did you mean alarmEmail?',
        },
      ]);
    }
  });

  it("passes CDK's own context keys and the FOCUS keys", () => {
    const app = new App({
      context: {
        ...MINIMAL_CONTEXT,
        '@aws-cdk/core:permissionsBoundary': { name: 'boundary' },
        'aws:cdk:bundling-stacks': [],
        focusCsv: 'true',
      },
    });
    expect(readConfig(app).sender).toBe('reports@example.com');
  });

  it('reads the keys from the app context', () => {
    const app = new App({ context: { ...MINIMAL_CONTEXT, timezone: 'America/New_York' } });
    expect(readConfig(app)).toMatchObject({ sender: 'reports@example.com', timezone: 'America/New_York' });
  });
});
