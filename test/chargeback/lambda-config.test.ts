import { describe, expect, it } from 'vitest';
import { lambdaConfigFromEnv } from '#chargeback/lambda-config.js';
import { InvalidInputError } from '#core/errors.js';

const minimal = {
  REPORT_BUCKET: 'chargeback-reports',
  EMAIL_SENDER: 'reports@example.com',
  EMAIL_RECIPIENTS: 'finance@example.com, controller@example.com',
  ACU_PRICE: '2.25',
  DEVIN_API_KEY_SECRET: 'devin-chargeback/api-key',
};

function failure(env: Record<string, string | undefined>): InvalidInputError {
  try {
    lambdaConfigFromEnv(env);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('lambdaConfigFromEnv', () => {
  it('applies the documented defaults', () => {
    const config = lambdaConfigFromEnv(minimal);
    expect(config).toMatchObject({
      bucket: 'chargeback-reports',
      prefix: 'reports/',
      sender: 'reports@example.com',
      recipients: ['finance@example.com', 'controller@example.com'],
      replyTo: 'finance@example.com',
      timeZone: 'UTC',
      apiKeySecretId: 'devin-chargeback/api-key',
      devinApiUrl: undefined,
      devinApiVersion: undefined,
      linkTtlSeconds: 604800,
      attachMaxBytes: 0,
      maxSessionRows: 1_000_000,
    });
    expect(config.pricing).toMatchObject({ unitPriceText: '2.25', currency: 'USD', minorDigits: 2 });
  });

  it("takes EMAIL_REPLY_TO for the owners' replies, and refuses one that is no address", () => {
    expect(lambdaConfigFromEnv({ ...minimal, EMAIL_REPLY_TO: 'ap@example.com' }).replyTo).toBe(
      'ap@example.com',
    );
    expect(failure({ ...minimal, EMAIL_REPLY_TO: 'not an address' }).message).toContain('EMAIL_REPLY_TO');
  });

  it('bounds event recipients to the configured domains, by default those of the recipients and sender', () => {
    expect(lambdaConfigFromEnv(minimal).allowedRecipientDomains).toEqual(['example.com']);
    expect(
      lambdaConfigFromEnv({ ...minimal, ALLOWED_RECIPIENT_DOMAINS: 'Example.com,partner.example' })
        .allowedRecipientDomains,
    ).toEqual(['example.com', 'partner.example']);
    expect(() =>
      lambdaConfigFromEnv({ ...minimal, ALLOWED_RECIPIENT_DOMAINS: 'example.com,not a domain' }),
    ).toThrow('ALLOWED_RECIPIENT_DOMAINS: "not a domain" is not a domain name such as example.com');
  });

  it('reads every optional variable', () => {
    const config = lambdaConfigFromEnv({
      ...minimal,
      REPORT_PREFIX: 'finance/devin',
      REPORT_TIMEZONE: 'Europe/Berlin',
      CURRENCY: 'EUR',
      DEVIN_API_URL: 'https://devin.example.com',
      DEVIN_API_VERSION: 'v3',
      LINK_TTL_SECONDS: '3600',
      ATTACH_MAX_BYTES: '5000000',
      MAX_SESSION_ROWS: '250000',
    });
    expect(config).toMatchObject({
      maxSessionRows: 250_000,
      prefix: 'finance/devin/',
      timeZone: 'Europe/Berlin',
      devinApiUrl: 'https://devin.example.com',
      devinApiVersion: 'v3',
      linkTtlSeconds: 3600,
      attachMaxBytes: 5_000_000,
    });
    expect(config.pricing.currency).toBe('EUR');
  });

  it.each([
    ['REPORT_BUCKET', { REPORT_BUCKET: undefined }, /REPORT_BUCKET: is invalid: REPORT_BUCKET is required/],
    ['EMAIL_SENDER', { EMAIL_SENDER: 'reports' }, /EMAIL_SENDER: "reports" is invalid/],
    [
      'EMAIL_RECIPIENTS',
      { EMAIL_RECIPIENTS: 'finance@example.com, bob' },
      /EMAIL_RECIPIENTS: "finance@example.com, bob"/,
    ],
    ['EMAIL_RECIPIENTS', { EMAIL_RECIPIENTS: ' , ' }, /EMAIL_RECIPIENTS/],
    ['REPORT_TIMEZONE', { REPORT_TIMEZONE: 'Mars/Olympus' }, /REPORT_TIMEZONE: .*Mars\/Olympus/],
    ['ACU_PRICE', { ACU_PRICE: 'two' }, /ACU_PRICE: .*two/],
    ['ACU_PRICE', { ACU_PRICE: '-1' }, /ACU_PRICE: .*-1/],
    ['CURRENCY', { CURRENCY: 'XYZ' }, /CURRENCY: .*XYZ/],
    ['DEVIN_API_KEY_SECRET', { DEVIN_API_KEY_SECRET: ' ' }, /DEVIN_API_KEY_SECRET/],
    ['DEVIN_API_URL', { DEVIN_API_URL: 'api.devin.ai' }, /DEVIN_API_URL: "api.devin.ai" is invalid/],
    ['DEVIN_API_VERSION', { DEVIN_API_VERSION: 'v4' }, /DEVIN_API_VERSION: "v4" must be v2 or v3/],
    ['LINK_TTL_SECONDS', { LINK_TTL_SECONDS: '999999999' }, /LINK_TTL_SECONDS: "999999999" is invalid/],
    ['LINK_TTL_SECONDS', { LINK_TTL_SECONDS: '1h' }, /LINK_TTL_SECONDS: "1h" is invalid/],
    [
      'ATTACH_MAX_BYTES',
      { ATTACH_MAX_BYTES: '20000000' },
      /ATTACH_MAX_BYTES: "20000000" must be a whole number from 0 to 7000000/,
    ],
    ['MAX_SESSION_ROWS', { MAX_SESSION_ROWS: '0' }, /MAX_SESSION_ROWS: "0" must be a whole number from 1 to/],
    [
      'MAX_SESSION_ROWS',
      { MAX_SESSION_ROWS: '1048562' },
      /MAX_SESSION_ROWS: "1048562" must be a whole number from 1 to/,
    ],
    [
      'MAX_SESSION_ROWS',
      { MAX_SESSION_ROWS: '1e6' },
      /MAX_SESSION_ROWS: "1e6" must be a whole number from 1 to/,
    ],
  ])('refuses a bad %s, naming it and its value', (field, override, message) => {
    const error = failure({ ...minimal, ...override });
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

describe('lambdaConfigFromEnv with the download-link service', () => {
  const durable = {
    ...minimal,
    LINK_BASE_URL: 'https://abc.lambda-url.us-east-1.on.aws',
    LINK_SIGNING_SECRET: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:links-AbC123',
  };

  it('has no durable links unless both variables are set, and keeps the presigned 7-day default', () => {
    expect(lambdaConfigFromEnv(minimal)).toMatchObject({ durableLinks: undefined, linkTtlSeconds: 604_800 });
  });

  it('signs 30-day links by default, up to 366 days', () => {
    expect(lambdaConfigFromEnv(durable)).toMatchObject({
      durableLinks: {
        baseUrl: 'https://abc.lambda-url.us-east-1.on.aws/',
        signingSecretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:links-AbC123',
      },
      linkTtlSeconds: 2_592_000,
    });
    expect(lambdaConfigFromEnv({ ...durable, LINK_TTL_SECONDS: '31622400' }).linkTtlSeconds).toBe(31_622_400);
  });

  it.each([
    [
      'LINK_TTL_SECONDS',
      { ...durable, LINK_TTL_SECONDS: '31622401' },
      /LINK_TTL_SECONDS: "31622401" is invalid/,
    ],
    ['LINK_TTL_SECONDS', { ...minimal, LINK_TTL_SECONDS: '604801' }, /presigned link lives at most 604800/],
    ['LINK_BASE_URL', { ...minimal, LINK_SIGNING_SECRET: 'links' }, /LINK_BASE_URL: is required when/],
    [
      'LINK_SIGNING_SECRET',
      { ...minimal, LINK_BASE_URL: 'https://x.example/' },
      /LINK_SIGNING_SECRET: is required/,
    ],
    ['LINK_BASE_URL', { ...durable, LINK_BASE_URL: 'x.example' }, /LINK_BASE_URL: "x.example" is invalid/],
  ])('refuses a bad %s, naming it', (field, env, message) => {
    const error = failure(env);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

describe('lambdaConfigFromEnv: cost centres and showback', () => {
  it('reads the map under the prefix by default, no credit account and no showback', () => {
    const config = lambdaConfigFromEnv({ ...minimal, REPORT_PREFIX: 'devin' });
    expect(config.costCentresKey).toBe('devin/config/cost-centres.csv');
    expect(config.creditAccounts).toEqual({ fallback: null, byEntity: new Map() });
    expect(config.showback).toBe(false);
  });

  it('reads COST_CENTRES_KEY, CREDIT_ACCOUNT per entity and SHOWBACK', () => {
    const config = lambdaConfigFromEnv({
      ...minimal,
      COST_CENTRES_KEY: 'finance/map.csv',
      CREDIT_ACCOUNT: '2100; UK01 = 2150',
      SHOWBACK: 'true',
    });
    expect(config.costCentresKey).toBe('finance/map.csv');
    expect(config.creditAccounts).toEqual({ fallback: '2100', byEntity: new Map([['UK01', '2150']]) });
    expect(config.showback).toBe(true);
  });

  it('names a bad SHOWBACK or CREDIT_ACCOUNT', () => {
    expect(failure({ ...minimal, SHOWBACK: 'yes' }).message).toMatch(
      /^SHOWBACK: "yes" must be true or false/,
    );
    expect(failure({ ...minimal, CREDIT_ACCOUNT: 'US01=' }).message).toMatch(
      /^CREDIT_ACCOUNT: "US01=" expects ENTITY=ACCOUNT pairs/,
    );
  });

  it('reads JOURNAL_FORMATS and finds erp-mapping.csv beside the cost-centre map unless ERP_MAPPING_KEY says', () => {
    expect(lambdaConfigFromEnv(minimal)).toMatchObject({
      journalFormats: [],
      erpMappingKey: 'reports/config/erp-mapping.csv',
    });
    expect(
      lambdaConfigFromEnv({
        ...minimal,
        JOURNAL_FORMATS: 'quickbooks-online,netsuite',
        COST_CENTRES_KEY: 'finance/map.csv',
      }),
    ).toMatchObject({
      journalFormats: ['netsuite', 'quickbooks-online'],
      erpMappingKey: 'finance/erp-mapping.csv',
    });
    expect(failure({ ...minimal, JOURNAL_FORMATS: 'sage' }).message).toBe(
      'JOURNAL_FORMATS: "sage" is not a journal format; use one of generic, netsuite, netsuite-intercompany, sap-s4, oracle-fbdi, xero, quickbooks-online',
    );
  });
});
