import { SessionIndex } from './session-index.js';
import type { FakeDataset, WireMember, WireOrganization } from './wire.js';

/** A data set prepared for serving: sessions indexed once, when the data set is set. */
export interface ServedData {
  readonly sessions: SessionIndex;
  readonly members: readonly WireMember[];
  readonly organizations: readonly WireOrganization[];
}

export function serveDataset(dataset: FakeDataset): ServedData {
  return {
    sessions: new SessionIndex(dataset.sessions),
    members: [...dataset.members],
    organizations: [...dataset.organizations],
  };
}
