import { describe, expect, it } from 'vitest';
import { devinConfigFromEnv } from '#devin/client/config.js';
import { DevinConfigError } from '#devin/client/devin-config-error.js';

describe('devinConfigFromEnv', () => {
  it('reads the key and defaults the URL to the public API', () => {
    expect(devinConfigFromEnv({ DEVIN_API_KEY: 'apk_user_abc' })).toEqual({
      apiKey: 'apk_user_abc',
      baseUrl: 'https://api.devin.ai',
    });
  });

  it('takes a dedicated enterprise host without its trailing slash', () => {
    const config = devinConfigFromEnv({
      DEVIN_API_KEY: 'k',
      DEVIN_API_URL: 'https://devin.example.com/api/',
    });
    expect(config.baseUrl).toBe('https://devin.example.com/api');
  });

  it('treats an empty DEVIN_API_URL as unset', () => {
    expect(devinConfigFromEnv({ DEVIN_API_KEY: 'k', DEVIN_API_URL: '' }).baseUrl).toBe(
      'https://api.devin.ai',
    );
  });

  it.each([undefined, '', '   '])('says how to get a key when DEVIN_API_KEY is %j', (value) => {
    const run = () => devinConfigFromEnv({ DEVIN_API_KEY: value });
    expect(run).toThrow(DevinConfigError);
    expect(run).toThrow(/DEVIN_API_KEY is not set.*service user.*cog_.*apk_user_.*deprecated/);
  });

  it('refuses a key with whitespace inside without echoing it', () => {
    const run = () => devinConfigFromEnv({ DEVIN_API_KEY: 'apk_user_secret tail' });
    expect(run).toThrow(/whitespace/);
    expect(run).not.toThrow(/secret/);
  });

  it.each(['not a url', 'ftp://api.devin.ai', 'https://user:pw@api.devin.ai', 'https://api.devin.ai/?x=1'])(
    'refuses DEVIN_API_URL %j',
    (url) => {
      const run = () => devinConfigFromEnv({ DEVIN_API_KEY: 'k', DEVIN_API_URL: url });
      expect(run).toThrow(DevinConfigError);
      expect(run).toThrow(/DEVIN_API_URL/);
    },
  );
});
