import { renameSync, rmSync } from 'node:fs';
import { GrowingFloat64Column } from '#core/growing-column.js';
import type { Session } from '#core/session.js';
import { type SessionList, sessionListOf } from '#core/session-list.js';
import { SessionSpoolWriter, spooledSessions, spoolSessions } from '#spool/session-spool.js';
import type { ListingCollector } from './listing-collector.js';

const byCreated = (a: Session, b: Session) => a.createdAt.getTime() - b.createdAt.getTime();

/**
 * Collects a listing of sessions the way `collectInMemory` does (repeats
 * dropped, the later copy kept, only the query's sessions kept), but writes
 * each kept session to a spool file as it arrives: what stays in memory is
 * one map entry per distinct id and one number per kept session, never the
 * session. Without a path the sessions are held in an array (tests, small
 * reads).
 *
 * The server lists sessions oldest first, so the spool is in creation order
 * as written; the rare read that is not (or that replaced a copy) is put in
 * order once at the end.
 */
export function collectSessions(
  keep: (session: Session) => boolean,
  spoolPath: string | null,
): ListingCollector<Session, SessionList> {
  const sink = spoolPath === null ? new MemorySink() : new SpoolSink(spoolPath);
  // id → index in the sink, or -1 for a session the query does not keep.
  const indexOf = new Map<string, number>();
  const updatedAt = new GrowingFloat64Column();
  const replaced = new Set<number>();
  let received = 0;
  let kept = 0;
  let lastCreated = Number.NEGATIVE_INFINITY;
  let ordered = true;
  return {
    offer(session) {
      received += 1;
      const known = indexOf.get(session.sessionId);
      if (known === -1) return;
      if (known !== undefined) {
        // ACUs only grow: of two copies fetched at different moments, the later one is current.
        if (session.updatedAt.getTime() <= updatedAt.at(known)) return;
        replaced.add(known);
        kept -= 1;
      } else if (!keep(session)) {
        indexOf.set(session.sessionId, -1);
        return;
      }
      const created = session.createdAt.getTime();
      if (created < lastCreated) ordered = false;
      lastCreated = Math.max(lastCreated, created);
      indexOf.set(session.sessionId, sink.append(session));
      updatedAt.push(session.updatedAt.getTime());
      kept += 1;
    },
    get received() {
      return received;
    },
    get distinct() {
      return indexOf.size;
    },
    get kept() {
      return kept;
    },
    finish: () => sink.finish(replaced, ordered),
    discard: () => sink.discard(),
  };
}

interface SessionSink {
  append(session: Session): number;
  finish(replaced: ReadonlySet<number>, ordered: boolean): SessionList;
  discard(): void;
}

class MemorySink implements SessionSink {
  private sessions: Session[] = [];

  append(session: Session): number {
    return this.sessions.push(session) - 1;
  }

  finish(replaced: ReadonlySet<number>, ordered: boolean): SessionList {
    const current = replaced.size === 0 ? this.sessions : this.sessions.filter((_, i) => !replaced.has(i));
    return sessionListOf(ordered ? current : current.sort(byCreated));
  }

  discard(): void {
    this.sessions = [];
  }
}

class SpoolSink implements SessionSink {
  private readonly writer: SessionSpoolWriter;

  constructor(private readonly path: string) {
    this.writer = new SessionSpoolWriter(path);
  }

  append(session: Session): number {
    return this.writer.append(session);
  }

  finish(replaced: ReadonlySet<number>, ordered: boolean): SessionList {
    const written = this.writer.finish();
    if (replaced.size === 0 && ordered) return written;
    const current = currentCopies(written, replaced);
    const staged = `${this.path}.ordering`;
    // Out of order only when the server did not keep its own ordering: rare enough to sort in memory.
    const spool = spoolSessions(staged, ordered ? current : [...current].sort(byCreated));
    renameSync(staged, this.path);
    return spooledSessions(this.path, spool.count);
  }

  discard(): void {
    this.writer.abandon();
    rmSync(this.path, { force: true });
  }
}

function* currentCopies(sessions: Iterable<Session>, replaced: ReadonlySet<number>): Generator<Session> {
  let i = -1;
  for (const session of sessions) {
    i += 1;
    if (!replaced.has(i)) yield session;
  }
}
