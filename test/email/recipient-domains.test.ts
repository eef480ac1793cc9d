import { describe, expect, it } from 'vitest';
import {
  defaultRecipientDomains,
  domainOf,
  firstOutsideDomains,
  parseDomainList,
} from '#email/recipient-domains.js';

describe('recipient domains', () => {
  it('reads an address’s domain after its last @, lower-case', () => {
    expect(domainOf('Finance@Example.COM')).toBe('example.com');
    expect(domainOf('"a@b"@corp.example')).toBe('corp.example');
  });

  it('defaults to the domains of the recipients and the sender, once each', () => {
    expect(
      defaultRecipientDomains(['a@example.com', 'B@EXAMPLE.com'], 'Finance Reports <reports@mail.example>'),
    ).toEqual(['example.com', 'mail.example']);
  });

  it('parses a comma-separated list and names the first entry that is not a domain', () => {
    expect(parseDomainList(' example.com, Partner.example ,,xn--bcher-kva.example')).toEqual({
      domains: ['example.com', 'partner.example', 'xn--bcher-kva.example'],
    });
    for (const bad of ['localhost', '*.example.com', 'a@example.com', 'example..com', '-x.example']) {
      expect(parseDomainList(`example.com,${bad}`).invalid, bad).toBe(bad.toLowerCase());
    }
  });

  it('finds the first address outside the allowed domains, matching exactly (a subdomain is another domain)', () => {
    const allowed = ['example.com'];
    expect(firstOutsideDomains(['a@example.com', 'B@Example.Com'], allowed)).toBeUndefined();
    expect(firstOutsideDomains(['a@example.com', 'x@mail.example.com'], allowed)).toBe('x@mail.example.com');
    expect(firstOutsideDomains(['x@example.com.evil.example'], allowed)).toBe('x@example.com.evil.example');
    expect(firstOutsideDomains(['x@evilexample.com'], allowed)).toBe('x@evilexample.com');
  });
});
