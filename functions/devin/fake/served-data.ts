import type { ConsumptionLedger } from './consumption-ledger.js';
import { consumptionLedger } from './consumption-ledger.js';
import { SessionIndex } from './session-index.js';
import type { FakeDataset, WireBillingCycle, WireMember, WireOrganization, WireServiceUser } from './wire.js';

/** A data set prepared for serving: sessions indexed once, when the data set is set. */
export interface ServedData {
  readonly sessions: SessionIndex;
  readonly members: readonly WireMember[];
  readonly organizations: readonly WireOrganization[];
  readonly billingCycles: readonly WireBillingCycle[];
  readonly serviceUsers: readonly WireServiceUser[];
  readonly deletedOrgIds: ReadonlySet<string>;
  readonly archivedSessionIds: ReadonlySet<string>;
  readonly statusDetails: ReadonlyMap<string, string>;
  /** Built on the first consumption request: a benchmark that only lists sessions never pays for it. */
  consumption(): ConsumptionLedger;
}

export function serveDataset(dataset: FakeDataset): ServedData {
  let ledger: ConsumptionLedger | undefined;
  return {
    sessions: new SessionIndex(dataset.sessions),
    members: [...dataset.members],
    organizations: [...dataset.organizations],
    billingCycles: [...(dataset.billingCycles ?? [])],
    serviceUsers: [...(dataset.serviceUsers ?? [])],
    deletedOrgIds: new Set(dataset.deletedOrgIds ?? []),
    archivedSessionIds: new Set(dataset.archivedSessionIds ?? []),
    statusDetails: new Map(Object.entries(dataset.statusDetails ?? {})),
    consumption() {
      ledger ??= consumptionLedger(dataset);
      return ledger;
    },
  };
}
