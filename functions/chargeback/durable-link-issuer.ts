import { createDurableLink } from '../links/durable-link.js';
import type { SigningKeys } from '../links/token/signing-keys.js';
import type { LambdaConfig } from './lambda-config.js';

/** Signs links to the link service when the stack has one; undefined keeps presigned links. */
export function durableLinkIssuer(
  config: LambdaConfig,
  signingKeys: (() => Promise<SigningKeys>) | undefined,
) {
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
