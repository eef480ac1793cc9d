import { scramble32 } from './seeded-random.js';
import type { WireMember, WireServiceUser, WireSession } from './wire.js';

/** The demo's automation: principals that are not people (v3 service users). */
export const DEMO_SERVICE_USERS: readonly WireServiceUser[] = [
  { service_user_id: 'service-user-5f1c0a9e2b7d', name: 'CI nightly maintenance', expires_at: null },
  { service_user_id: 'service-user-93d4e6b1c8a2', name: 'Jira triage bot', expires_at: 1_893_456_000 },
];

/** About one session in fourteen is started by automation, not by a person. */
const AUTOMATED_EVERY = 14;

/**
 * The session as automation started it, when its serial says so: no person, a service user.
 * Decided by the serial alone, so a month's sessions stay the same from run to run.
 */
export function automatedOrNot(session: WireSession, serial: number): WireSession {
  const draw = scramble32(serial ^ 0x5e7b1ce5);
  if (draw % AUTOMATED_EVERY !== 0) return session;
  const serviceUser = DEMO_SERVICE_USERS[(draw >>> 8) % DEMO_SERVICE_USERS.length] ?? DEMO_SERVICE_USERS[0];
  return { ...session, user_id: null, service_user_id: serviceUser?.service_user_id ?? null };
}

/** Every fourth person gets access through an identity-provider group only (v3 lists them apart). */
export function withAccessPath(member: WireMember, index: number): WireMember {
  return index % 4 === 3 ? { ...member, idp_only: true } : member;
}
