import type { Session } from '../session.js';
import type { SessionList } from '../session-list.js';

/**
 * The sessions of a slice as a view over the full report's sessions: each
 * `for…of` reads the parent again (from its spool, in a real run) and yields
 * only the ones `kept` says belong, so no slice holds sessions however much
 * of the month it has. `count` is what the slice counted when it was cut;
 * a parent that yields a different number on a later pass is an error, not
 * a workbook whose rows disagree with its figures.
 */
export function sliceSessions(
  parent: Iterable<Session>,
  kept: (session: Session) => boolean,
  count: number,
): SessionList {
  return {
    count,
    *[Symbol.iterator]() {
      let yielded = 0;
      for (const session of parent) {
        if (!kept(session)) continue;
        yielded += 1;
        yield session;
      }
      if (yielded !== count) {
        throw new RangeError(`the slice counted ${count} sessions but its parent now gives ${yielded}`);
      }
    },
  };
}
