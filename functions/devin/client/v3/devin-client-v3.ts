import type { DevinClient } from '../devin-client.js';
import type { HttpSettings } from '../http-settings.js';
import type { Member } from '../member.js';
import type { PagingSettings } from '../read-listing.js';
import { serviceUserFromWire } from '../service-user.js';
import { listBillingCyclesV3 } from './billing-cycles-v3.js';
import { countSessionsCarriedInV3 } from './count-carried-in-v3.js';
import { countSessionsV3 } from './count-sessions-v3.js';
import { type DirectoryIds, fetchBilledConsumptionV3 } from './fetch-billed-consumption-v3.js';
import { fetchSessionsV3 } from './fetch-sessions-v3.js';
import { listDirectoryV3, mergeMemberListings } from './list-directory-v3.js';
import { readSessionEdgesV3 } from './read-session-edges-v3.js';
import { listSessionsTouching } from './sessions-touching-v3.js';
import { V3Paths } from './v3-paths.js';
import { memberFromWireV3, organizationFromWireV3 } from './wire-directory-v3.js';

export const V3_REFUSED_KEY_HINT =
  'the key was refused: v3 needs the cog_ key of an enterprise service user whose role may read ' +
  'sessions, consumption, membership and organizations; service-user keys can expire';

/** The v3 enterprise API (service users, cursor paging, Unix-second times) behind the one DevinClient. */
export function createDevinClientV3(
  http: HttpSettings,
  paging: PagingSettings,
  host: string,
  onWarning: (message: string) => void,
): DevinClient {
  const paths = new V3Paths(http, onWarning);
  const listOrganizations = () =>
    listDirectoryV3(
      paths,
      paging,
      {
        route: '/enterprise/organizations',
        resource: 'organizations',
        recordName: 'organization',
        parseItem: organizationFromWireV3,
        idOf: (o) => o.orgId,
      },
      onWarning,
    );
  const members = (route: string) =>
    listDirectoryV3<Member>(
      paths,
      paging,
      {
        route,
        resource: 'members',
        recordName: 'member',
        parseItem: memberFromWireV3,
        idOf: (m) => m.userId,
      },
      onWarning,
    );
  const listMembers = async () => {
    const [direct, viaIdp] = await Promise.all([
      members('/enterprise/members/users'),
      members('/enterprise/members/idp-users'),
    ]);
    return mergeMemberListings(direct, viaIdp, (m) => m.userId);
  };
  const listServiceUsers = () =>
    listDirectoryV3(
      paths,
      paging,
      {
        route: '/enterprise/members/service-users',
        resource: 'service users',
        recordName: 'service user',
        parseItem: serviceUserFromWire,
        idOf: (s) => s.serviceUserId,
        // Expired or removed service users are left out by default [R31]; their sessions remain and need a name.
        query: { include_inactive: 'true' },
      },
      onWarning,
    );
  // Whom the bill is asked about: a listing the key may not read names nobody (its warning says so).
  const directoryIds = async (): Promise<DirectoryIds> => {
    const [orgs, people, services] = await Promise.all([
      listOrganizations(),
      listMembers(),
      listServiceUsers(),
    ]);
    return {
      orgIds: orgs.kind === 'ok' ? orgs.items.map((o) => o.orgId) : [],
      userIds: people.kind === 'ok' ? people.items.map((m) => m.userId) : [],
      serviceUserIds: services.kind === 'ok' ? services.items.map((s) => s.serviceUserId) : [],
    };
  };
  return {
    host,
    fetchSessions: (query, options) =>
      fetchSessionsV3(
        paths,
        paging,
        query,
        options?.onProgress ?? (() => {}),
        onWarning,
        options?.spoolPath ?? null,
      ),
    countSessions: (query) => countSessionsV3(paths, query, onWarning),
    listMembers,
    listOrganizations,
    listServiceUsers,
    fetchBilledConsumption: (days) =>
      fetchBilledConsumptionV3(http, paths, paging, days, directoryIds, onWarning),
    listBillingCycles: () => listBillingCyclesV3(http, paths, paging, onWarning),
    readSessionEdges: (request) => readSessionEdgesV3(http, paths, paging, request, onWarning),
    countSessionsCarriedIn: (period) => countSessionsCarriedInV3(http, paths, paging, period, onWarning),
    listSessionsUpdatedAfter: (query) =>
      listSessionsTouching(
        paths,
        paging,
        { createdFrom: query.from, createdTo: query.to, updatedFrom: query.updatedAfter, updatedTo: null },
        onWarning,
      ),
  };
}
