import type { NameSource } from '../core/report/chargeback-report.js';
import type { Directory, PersonName } from '../core/report/directory.js';
import type { DevinClient, Listing } from '../devin/client/devin-client.js';

/**
 * Names for the report. A key that may not read members or organizations still
 * gets a report: IDs stand in and the About sheet says why.
 */
export async function readDirectory(devin: DevinClient): Promise<Directory> {
  const [members, organizations] = await Promise.all([devin.listMembers(), devin.listOrganizations()]);
  const users = new Map<string, PersonName>();
  if (members.kind === 'ok') {
    for (const m of members.items) users.set(m.userId, { name: m.name, email: m.email });
  }
  const orgNames = new Map<string, string>();
  if (organizations.kind === 'ok') {
    for (const o of organizations.items) orgNames.set(o.orgId, o.name);
  }
  return {
    users,
    orgNames,
    sources: { users: nameSource(members, 'members'), orgs: nameSource(organizations, 'organizations') },
  };
}

function nameSource(listing: Listing<unknown>, endpoint: string): NameSource {
  if (listing.kind === 'ok') return { available: true };
  return {
    available: false,
    reason: `GET /v2/enterprise/${endpoint} answered ${listing.status} (${listing.reason}); IDs are shown instead`,
  };
}
