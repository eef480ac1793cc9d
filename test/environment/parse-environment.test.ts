import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnvironment } from '#environment/parse-environment.js';
import { focusOptionsFromEnv } from '#focus/focus-options.js';
import { linkServiceConfigFromEnv } from '#links/link-config.js';
import { invalidInput } from '../core/invalid-input.js';

const schema = z.object({
  BUCKET: z.string().min(1, 'is required'),
  LIMIT: z.coerce.number().int().positive().default(10),
});

describe('parseEnvironment', () => {
  it('returns the parsed settings, defaults applied', () => {
    expect(parseEnvironment(schema, { BUCKET: 'reports', OTHER: 'ignored' })).toEqual({
      BUCKET: 'reports',
      LIMIT: 10,
    });
  });

  it('names the wrong variable and the value it had', () => {
    const error = invalidInput(() => parseEnvironment(schema, { BUCKET: 'reports', LIMIT: '-3' }));
    expect(error.field).toBe('LIMIT');
    expect(error.value).toBe('-3');
    expect(error.message).toMatch(/^LIMIT: "-3" is invalid: /);
  });

  it('says a missing variable is missing, without a value', () => {
    const error = invalidInput(() => parseEnvironment(schema, {}));
    expect(error.field).toBe('BUCKET');
    expect(error.value).toBeUndefined();
    expect(error.message).toMatch(/^BUCKET: is invalid: /);
  });
});

describe('the link service environment', () => {
  it('ends the prefix with a slash so only workbooks under it are served', () => {
    expect(
      linkServiceConfigFromEnv({ REPORT_BUCKET: 'b', REPORT_PREFIX: 'finance', LINK_SIGNING_SECRET: 's' }),
    ).toEqual({ bucket: 'b', prefix: 'finance/', signingSecretId: 's' });
    expect(linkServiceConfigFromEnv({ REPORT_BUCKET: 'b', LINK_SIGNING_SECRET: 's' }).prefix).toBe(
      'reports/',
    );
  });

  it('names a blank bucket', () => {
    const error = invalidInput(() =>
      linkServiceConfigFromEnv({ REPORT_BUCKET: ' ', LINK_SIGNING_SECRET: 's' }),
    );
    expect(error.field).toBe('REPORT_BUCKET');
    expect(error.message).toContain('REPORT_BUCKET is required');
  });
});

describe('the FOCUS environment', () => {
  it('reads the CSV switch and the billing account', () => {
    expect(focusOptionsFromEnv({ FOCUS_CSV: '1', FOCUS_BILLING_ACCOUNT_ID: ' acct-7 ' })).toEqual({
      csv: true,
      billingAccountId: 'acct-7',
    });
    expect(focusOptionsFromEnv({ FOCUS_BILLING_ACCOUNT_NAME: '' })).toEqual({ csv: false });
  });

  it('names a CSV switch that is neither true nor false', () => {
    const error = invalidInput(() => focusOptionsFromEnv({ FOCUS_CSV: 'yes' }));
    expect(error.field).toBe('FOCUS_CSV');
    expect(error.value).toBe('yes');
  });
});
