import { z } from 'zod';
import type { Member } from '../member.js';
import type { Organization } from '../organization.js';
import { parseRecord } from '../parse-record.js';

const wireRole = z.object({ role: z.object({ role_name: z.string().nullish() }).nullish() }).loose();

/** An item of `/v3/enterprise/members/users` or `/members/idp-users` (devin-api-v3.md §4). */
const wireUserV3Schema = z.object({
  user_id: z.string().min(1),
  email: z.string().nullish(),
  name: z.string().nullish(),
  role_assignments: z.array(wireRole).nullish(),
  idp_role_assignments: z.array(wireRole).nullish(),
});

export function memberFromWireV3(item: unknown): Member {
  const wire = parseRecord(wireUserV3Schema, item, 'member', 'user_id');
  const role = (wire.role_assignments ?? wire.idp_role_assignments ?? [])[0]?.role?.role_name ?? null;
  return { userId: wire.user_id, email: wire.email ?? null, name: wire.name ?? null, role };
}

/** An item of `/v3/enterprise/organizations`: v3 calls the name `name` (v2: `org_name`). */
const wireOrganizationV3Schema = z.object({ org_id: z.string().min(1), name: z.string().nullish() });

export function organizationFromWireV3(item: unknown): Organization {
  const wire = parseRecord(wireOrganizationV3Schema, item, 'organization', 'org_id');
  return { orgId: wire.org_id, name: wire.name || wire.org_id };
}
