import { z } from 'zod';
import { parseRecord } from './parse-record.js';

/** An organization of the enterprise, for showing its name beside its id. */
export interface Organization {
  readonly orgId: string;
  readonly name: string;
}

const wireOrganizationSchema = z.object({
  org_id: z.string().min(1),
  org_name: z.string().nullish(),
});

export function organizationFromWire(item: unknown): Organization {
  const wire = parseRecord(wireOrganizationSchema, item, 'organization', 'org_id');
  // An unnamed org is shown by its id rather than failing the month's report over a label.
  return { orgId: wire.org_id, name: wire.org_name || wire.org_id };
}
