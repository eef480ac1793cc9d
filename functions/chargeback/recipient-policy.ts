import { InvalidInputError } from '#core/errors.js';
import { firstOutsideDomains } from '#email/recipient-domains.js';
import type { ChargebackRun } from './chargeback-event.js';

/**
 * Refuses a manual run whose `recipients` reach outside the deployment's allowed domains, before
 * anything is read or sent. The configured recipients are the operator's and are not checked here.
 */
export function assertRecipientsAllowed(run: ChargebackRun, allowedDomains: readonly string[]): void {
  if (run.kind !== 'manual' || run.recipients === undefined) return;
  const outside = firstOutsideDomains(run.recipients, allowedDomains);
  if (outside !== undefined) {
    throw new InvalidInputError(
      'recipients',
      outside,
      `is outside the domains this deployment may email (${allowedDomains.join(', ')}); an operator can add a domain with the allowedRecipientDomains context key`,
    );
  }
}
