import { acusFromNumber } from '#core/money/acus.js';
import type { Session } from '#core/session.js';

const CREATED = new Date('2026-10-05T09:00:00Z');
const NO_TAGS: readonly string[] = [];

/** A session with only what a test cares about set; ACUs given as the API sends them. */
export function session(
  fields: Partial<Omit<Session, 'acus'>> & { readonly acus?: number; readonly sessionId: string },
): Session {
  const { acus = 0, ...rest } = fields;
  return {
    url: null,
    status: 'exit',
    title: '',
    tags: NO_TAGS,
    orgId: 'org-a',
    userId: 'user-1',
    createdAt: CREATED,
    updatedAt: CREATED,
    acusReported: true,
    pullRequests: [],
    ...rest,
    acus: acusFromNumber(acus),
  };
}
