import type { Session } from './session.js';

/**
 * The period's sessions, re-iterable and counted, wherever they live: in a
 * spool file for a real run (a month of millions does not fit in memory), in
 * an array for tests and small slices. Consumers iterate; none indexes.
 */
export interface SessionList extends Iterable<Session> {
  readonly count: number;
}

/** Sessions as the report's stages take them: an array (tests, slices) or a counted list (a spool). */
export type Sessions = readonly Session[] | SessionList;

export function countOf(sessions: Sessions): number {
  return 'count' in sessions ? sessions.count : sessions.length;
}

export function sessionListOf(sessions: readonly Session[]): SessionList {
  return {
    count: sessions.length,
    [Symbol.iterator]: () => sessions[Symbol.iterator](),
  };
}
