import { describe, expect, it } from 'vitest';
import { downloadHref, landingUrl, parseLinkPath } from '#links/link-paths.js';
import { isServableKey } from '#links/report-source.js';

describe('link paths', () => {
  it('builds the landing URL under the Function URL, with or without its trailing slash', () => {
    expect(landingUrl('https://x.lambda-url.eu-west-1.on.aws/', 'v1.t')).toBe(
      'https://x.lambda-url.eu-west-1.on.aws/r/v1.t',
    );
    expect(landingUrl('https://links.example.com/reports', 'v1.t')).toBe(
      'https://links.example.com/reports/r/v1.t',
    );
  });

  it.each([
    ['/r/v1.abc', { kind: 'landing', token: 'v1.abc' }],
    ['/r/v1.abc/', { kind: 'landing', token: 'v1.abc' }],
    ['/r/v1.abc/download', { kind: 'download', token: 'v1.abc' }],
    ['/r/v1.abc/download/', { kind: 'download', token: 'v1.abc' }],
    ['/', { kind: 'none' }],
    ['/r', { kind: 'none' }],
    ['/r/', { kind: 'none' }],
    ['/r//download', { kind: 'none' }],
    ['/r/v1.abc/other', { kind: 'none' }],
    ['/favicon.ico', { kind: 'none' }],
  ])('routes %s', (path, route) => {
    expect(parseLinkPath(path)).toEqual(route);
  });

  it('points the Download button at the download route, relative to where the page was opened', () => {
    const page = new URL('https://x.example/r/v1.abc');
    expect(new URL(downloadHref(page.pathname, 'v1.abc'), page).pathname).toBe('/r/v1.abc/download');
    const slashed = new URL('https://x.example/r/v1.abc/');
    expect(new URL(downloadHref(slashed.pathname, 'v1.abc'), slashed).pathname).toBe('/r/v1.abc/download');
  });
});

describe('isServableKey', () => {
  it.each([
    ['reports/monthly/2026/devin-acu-chargeback-2026-10.xlsx', true],
    ['reports/ad-hoc/2026-10-01_2026-10-15/devin-acu-chargeback-2026-10-01_2026-10-15.xlsx', true],
    ['other/monthly/2026/devin-acu-chargeback-2026-10.xlsx', false],
    ['reports/markers/monthly/2026-10.email.json', false],
    ['reports/monthly/2026/devin-acu-chargeback-2026-10.summary.json', false],
    ['reports/../secrets/x.xlsx', false],
    ['reports/./x.xlsx', false],
    ['reports//x.xlsx', false],
    ['reports/a\\b.xlsx', false],
    ['reports/a\nb.xlsx', false],
    ['reportsx/a.xlsx', false],
  ])('%s → %s', (key, servable) => {
    expect(isServableKey(key, 'reports/')).toBe(servable);
  });
});
