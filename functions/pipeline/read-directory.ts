import type { NameSource } from '#core/report/chargeback-report.js';
import type { Directory, PersonName } from '#core/report/directory.js';
import type { DevinClient, Listing } from '#devin/client/devin-client.js';

/**
 * Names for the report. A key that may not read members, service users or organizations still
 * gets a report: IDs stand in and the About sheet says why.
 */
export async function readDirectory(devin: DevinClient): Promise<Directory> {
  const [members, organizations, serviceUsers] = await Promise.all([
    devin.listMembers(),
    devin.listOrganizations(),
    devin.listServiceUsers(),
  ]);
  const users = new Map<string, PersonName>();
  if (members.kind === 'ok') {
    for (const m of members.items) users.set(m.userId, { name: m.name, email: m.email });
  }
  const serviceUserIds = new Set<string>();
  if (serviceUsers.kind === 'ok') {
    for (const s of serviceUsers.items) {
      serviceUserIds.add(s.serviceUserId);
      // Ids of service users and of people never collide; a person's entry is never replaced.
      if (!users.has(s.serviceUserId)) users.set(s.serviceUserId, { name: s.name, email: null });
    }
  }
  const orgNames = new Map<string, string>();
  if (organizations.kind === 'ok') {
    for (const o of organizations.items) orgNames.set(o.orgId, o.name);
  }
  const hasServiceUsers = serviceUsers.kind === 'unavailable' || serviceUsers.items.length > 0;
  return {
    users,
    orgNames,
    serviceUserIds,
    sources: {
      users: nameSource(members, 'members'),
      orgs: nameSource(organizations, 'organizations'),
      ...(hasServiceUsers && { serviceUsers: nameSource(serviceUsers, 'members/service-users') }),
    },
  };
}

function nameSource(listing: Listing<unknown>, endpoint: string): NameSource {
  if (listing.kind === 'ok') {
    return listing.partial === undefined
      ? { available: true }
      : { available: false, reason: listing.partial };
  }
  return {
    available: false,
    reason: `GET ${listing.endpoint ?? `/v2/enterprise/${endpoint}`} answered ${listing.status} (${listing.reason}); IDs are shown instead`,
  };
}
