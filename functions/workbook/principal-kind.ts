import type { PrincipalKind } from '#core/session.js';

/** The "User Kind" column's header: whether a row's principal is a person or a service user. */
export const USER_KIND_HEADER = 'User Kind';

/** "user", "service user", or nothing for sessions attributed to no one. */
export function userKindText(userId: string | null, kind: PrincipalKind | undefined): string | null {
  if (userId === null) return null;
  return kind === 'service-user' ? 'service user' : 'user';
}
