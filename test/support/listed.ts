import type { Session } from '#core/session.js';
import type { SessionList } from '#core/session-list.js';

/** A fetch result with its sessions read into an array, for assertions that index and map. */
export function listed<T extends { readonly sessions: SessionList }>(
  fetched: T,
): Omit<T, 'sessions'> & { sessions: Session[] } {
  return { ...fetched, sessions: [...fetched.sessions] };
}
