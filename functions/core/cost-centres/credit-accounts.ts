import { InvalidInputError } from '../errors.js';

/** The account the journal's credit lines post to: one for all, or one per legal entity. */
export interface CreditAccounts {
  /** For entities with no account of their own; null when none was configured. */
  readonly fallback: string | null;
  readonly byEntity: ReadonlyMap<string, string>;
}

export const NO_CREDIT_ACCOUNT: CreditAccounts = { fallback: null, byEntity: new Map() };

/**
 * `2100` (every entity), or `US01=2100;UK01=2150`, or both: `2100;UK01=2150`.
 *
 * @param field the name the caller knows the setting by (`CREDIT_ACCOUNT`, `--credit-account`)
 */
export function parseCreditAccounts(text: string | undefined, field: string): CreditAccounts {
  if (text === undefined || text.trim() === '') return NO_CREDIT_ACCOUNT;
  let fallback: string | null = null;
  const byEntity = new Map<string, string>();
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      if (fallback !== null)
        throw new InvalidInputError(field, text, 'names more than one account without an entity');
      fallback = part;
      continue;
    }
    const entity = part.slice(0, eq).trim();
    const account = part.slice(eq + 1).trim();
    if (entity === '' || account === '') {
      throw new InvalidInputError(
        field,
        text,
        'expects ENTITY=ACCOUNT pairs separated by ";" (e.g. US01=2100;UK01=2150)',
      );
    }
    if (byEntity.has(entity)) throw new InvalidInputError(field, text, `names entity ${entity} twice`);
    byEntity.set(entity, account);
  }
  return { fallback, byEntity };
}

export function creditAccountOf(accounts: CreditAccounts, entity: string | null): string | null {
  return (entity === null ? undefined : accounts.byEntity.get(entity)) ?? accounts.fallback;
}
