import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import type { Session } from '#core/session.js';
import type { SessionList } from '#core/session-list.js';
import { decodeSessionRecord, encodeSessionRecord } from './session-record.js';
import { SpoolFormatError } from './spool-format-error.js';

/**
 * The period's sessions on disk, read again from the start by every
 * `for…of`: what aggregation, the workbook and the exports iterate instead
 * of an array that would hold a month of sessions in memory.
 */
export interface SpooledSessions extends SessionList {
  readonly path: string;
}

const FLUSH_BYTES = 1 << 20;
const READ_BYTES = 1 << 22;

/**
 * Appends sessions to a new spool file. Writes are synchronous and batched:
 * the run has nothing else to do meanwhile, and a sync write keeps `append`
 * usable from the middle of a page loop.
 */
export class SessionSpoolWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Index the session has in the spool (0-based, in append order). */
  append(session: Session): number {
    if (this.closed) throw new Error(`session spool ${this.path} is already finished`);
    const line = encodeSessionRecord(session);
    this.pending.push(line);
    this.pendingBytes += line.length + 1;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    this.written += 1;
    return this.written - 1;
  }

  get count(): number {
    return this.written;
  }

  finish(): SpooledSessions {
    this.flush();
    closeSync(this.fd);
    this.closed = true;
    return spooledSessions(this.path, this.written);
  }

  /** Gives up the file without reading it back (the caller removes it). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, `${this.pending.join('\n')}\n`);
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** Writes `sessions` to `path` in one go: for tests, parts and the demo. */
export function spoolSessions(path: string, sessions: Iterable<Session>): SpooledSessions {
  const writer = new SessionSpoolWriter(path);
  try {
    for (const session of sessions) writer.append(session);
  } catch (error) {
    writer.abandon();
    throw error;
  }
  return writer.finish();
}

/** A spool file written earlier (a downloaded part, say); counts its records once. */
export function openSpooledSessions(path: string): SpooledSessions {
  let count = 0;
  for (const _ of readLines(path)) count += 1;
  return spooledSessions(path, count);
}

/** The spool at `path`, whose record count the caller already knows. */
export function spooledSessions(path: string, count: number): SpooledSessions {
  return {
    path,
    count,
    *[Symbol.iterator]() {
      let line = 0;
      for (const text of readLines(path)) {
        line += 1;
        yield decodeSessionRecord(text, { path, line });
      }
      if (line !== count) throw new SpoolFormatError(path, line, `expected ${count} records, found ${line}`);
    },
  };
}

/** Lines of a file, read in large chunks; a last line without its newline means a cut-short file. */
function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    // A chunk may end inside a record, even inside a multi-byte character: carry bytes, not text.
    let carry: Buffer | null = null;
    let position = 0;
    let lines = 0;
    while (position < size) {
      const read = readSync(fd, buffer, 0, READ_BYTES, position);
      if (read === 0) break;
      position += read;
      let start = 0;
      for (let end = buffer.indexOf(10, start); end !== -1 && end < read; end = buffer.indexOf(10, start)) {
        yield carry === null
          ? buffer.toString('utf8', start, end)
          : Buffer.concat([carry, buffer.subarray(start, end)]).toString('utf8');
        carry = null;
        lines += 1;
        start = end + 1;
      }
      if (start < read) {
        const rest = Buffer.from(buffer.subarray(start, read));
        carry = carry === null ? rest : Buffer.concat([carry, rest]);
      }
    }
    if (carry !== null)
      throw new SpoolFormatError(path, lines + 1, 'the file ends in the middle of a record');
  } finally {
    closeSync(fd);
  }
}

/**
 * One spool of several, in the order given: what the windows of one period
 * (read in parallel, or by separate Lambdas) add up to. Copies bytes; records
 * are not decoded.
 */
export function concatSpools(path: string, parts: readonly SpooledSessions[]): SpooledSessions {
  const out = openSync(path, 'w');
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  try {
    for (const part of parts) {
      const fd = openSync(part.path, 'r');
      try {
        for (let read = readSync(fd, buffer, 0, READ_BYTES, null); read > 0; ) {
          writeSync(out, buffer, 0, read);
          read = readSync(fd, buffer, 0, READ_BYTES, null);
        }
      } finally {
        closeSync(fd);
      }
    }
  } finally {
    closeSync(out);
  }
  return spooledSessions(
    path,
    parts.reduce((sum, part) => sum + part.count, 0),
  );
}
