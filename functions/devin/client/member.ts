import { z } from 'zod';
import { parseRecord } from './parse-record.js';

/** An enterprise member, for showing names and emails beside user ids. */
export interface Member {
  readonly userId: string;
  readonly email: string | null;
  readonly name: string | null;
  readonly role: string | null;
}

const wireMemberSchema = z.object({
  user_id: z.string().min(1),
  email: z.string().nullish(),
  name: z.string().nullish(),
  enterprise_role: z.string().nullish(),
});

export function memberFromWire(item: unknown): Member {
  const wire = parseRecord(wireMemberSchema, item, 'member', 'user_id');
  return {
    userId: wire.user_id,
    email: wire.email ?? null,
    name: wire.name ?? null,
    role: wire.enterprise_role ?? null,
  };
}
