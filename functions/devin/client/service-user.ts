import { z } from 'zod';
import { parseRecord } from './parse-record.js';

/** A v3 service user: a principal that is not a person (automation), for naming its sessions. */
export interface ServiceUser {
  readonly serviceUserId: string;
  readonly name: string | null;
  /** When its key stops working; null when it does not expire. */
  readonly expiresAt: Date | null;
}

const wireServiceUserSchema = z.object({
  service_user_id: z.string().min(1),
  name: z.string().nullish(),
  expires_at: z.int().nonnegative().nullish(),
});

export function serviceUserFromWire(item: unknown): ServiceUser {
  const wire = parseRecord(wireServiceUserSchema, item, 'service user', 'service_user_id');
  return {
    serviceUserId: wire.service_user_id,
    name: wire.name || null,
    expiresAt: wire.expires_at == null ? null : new Date(wire.expires_at * 1000),
  };
}
