import type { WireMember, WireSession } from './wire.js';

/**
 * What v2 shows of the shared data set: it knows no service users (a session automation started
 * has no user) and lists every member in one place, however they got access. Copies only the
 * records that carry v3-only fields, so a plain data set is served as is.
 */
export function v2Sessions(sessions: readonly WireSession[]): readonly WireSession[] {
  return sessions.some((s) => s.service_user_id !== undefined)
    ? sessions.map(({ service_user_id: _serviceUser, ...rest }) => rest)
    : sessions;
}

export function v2Members(members: readonly WireMember[]): readonly WireMember[] {
  return members.some((m) => m.idp_only !== undefined)
    ? members.map(({ idp_only: _idpOnly, ...rest }) => rest)
    : members;
}
