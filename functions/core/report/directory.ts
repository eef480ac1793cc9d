import type { NameSources } from './chargeback-report.js';

export interface PersonName {
  readonly name: string | null;
  readonly email: string | null;
}

/** Human names for the IDs in a report, as far as the API key may read them. */
export interface Directory {
  readonly orgNames: ReadonlyMap<string, string>;
  /** People and service users (whose ids never collide), by id. */
  readonly users: ReadonlyMap<string, PersonName>;
  readonly sources: NameSources;
  /** Ids the API lists as service users, so a billed row without sessions is still shown as one. */
  readonly serviceUserIds?: ReadonlySet<string>;
}

export const EMPTY_DIRECTORY: Directory = {
  orgNames: new Map(),
  users: new Map(),
  sources: {
    orgs: { available: false, reason: 'not requested' },
    users: { available: false, reason: 'not requested' },
  },
};
