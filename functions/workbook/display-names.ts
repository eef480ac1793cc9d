/** Appended to an ID shown where a name was wanted, so nobody mistakes it for a name. */
export const NAME_UNAVAILABLE = '(name unavailable)';
export const NO_USER = '(no user)';
export const UNTAGGED = '(untagged)';

export function orgDisplayName(orgId: string, orgName: string | null): string {
  return orgName ?? `${orgId} ${NAME_UNAVAILABLE}`;
}

/** A row of no user may still carry a name saying what it is (the billed basis's residual row). */
export function userDisplayName(userId: string | null, userName: string | null): string {
  if (userId === null) return userName ?? NO_USER;
  return userName ?? `${userId} ${NAME_UNAVAILABLE}`;
}
