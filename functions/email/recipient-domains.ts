/**
 * The domains a deployment may mail. A manual event may name its own recipients; without a bound,
 * anyone allowed to invoke the function could send the company's verified sender to any address.
 * Pure: the Lambda's configuration and the stack's context both read lists through here.
 */

/** A DNS name of at least two labels (IDNs in their `xn--` form), compared lower-case. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** The part after the last `@`, lower-case: `Finance@Example.COM` → `example.com`. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

export function isDomainName(text: string): boolean {
  return DOMAIN.test(text.toLowerCase());
}

/** `example.com, Example.org` → `['example.com', 'example.org']`; undefined for a name that is not a domain. */
export function parseDomainList(text: string): { domains: string[]; invalid?: string } {
  const domains = text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  const invalid = domains.find((domain) => !isDomainName(domain));
  return invalid === undefined ? { domains: [...new Set(domains)] } : { domains, invalid };
}

/** The default bound: the domains the deployment already mails, its recipients' and its sender's. */
export function defaultRecipientDomains(recipients: readonly string[], sender: string): string[] {
  const senderAddress = /<([^<>]+)>\s*$/.exec(sender)?.[1] ?? sender;
  return [...new Set([...recipients, senderAddress].map((address) => domainOf(address.trim())))];
}

/** The first address outside the allowed domains (exact match: a subdomain is another domain). */
export function firstOutsideDomains(
  addresses: readonly string[],
  allowed: readonly string[],
): string | undefined {
  const set = new Set(allowed.map((domain) => domain.toLowerCase()));
  return addresses.find((address) => !set.has(domainOf(address)));
}
