import { createDurableLink } from '#links/durable-link.js';
import type { SigningKeys } from '#links/token/signing-keys.js';
import type { LambdaConfig } from './lambda-config.js';

/** Issues a durable link to a stored key; undefined when the stack keeps presigned links. */
export type DurableLinkIssuer =
  | ((key: string, now: Date) => Promise<{ url: string; expiresAt: Date }>)
  | undefined;

/** Signs links to the link service when the stack has one; undefined keeps presigned links. */
export function durableLinkIssuer(
  config: LambdaConfig,
  signingKeys: (() => Promise<SigningKeys>) | undefined,
): DurableLinkIssuer {
  const durable = config.durableLinks;
  if (!durable) return undefined;
  if (!signingKeys) throw new Error('durable links are configured but no signing keys were wired');
  return async (key: string, now: Date) =>
    createDurableLink({
      baseUrl: durable.baseUrl,
      key,
      ttlSeconds: config.linkTtlSeconds,
      now,
      keys: await signingKeys(),
    });
}
