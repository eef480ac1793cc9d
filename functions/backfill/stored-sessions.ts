import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { ACU_DECIMALS, decimalStringToScaled } from '#core/money/acus.js';
import type { Session } from '#core/session.js';
import { SessionSpoolWriter, type SpooledSessions } from '#spool/session-spool.js';

/** One record of `*.sessions.json.gz` as sessions-export.ts writes it. */
const storedSession = z.object({
  session_id: z.string().min(1),
  org_id: z.string().min(1),
  user_id: z.string().nullable(),
  user_kind: z.literal('service-user').optional(),
  status: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
  acus_consumed: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .nullable(),
  url: z.string().nullable(),
  pull_requests: z.array(z.object({ url: z.string(), state: z.string().nullable() })),
});

/**
 * The sessions of a stored export, read as a stream into a spool at
 * `spoolPath`, in the order the report was built from them. The export is
 * the layout sessions-export.ts writes (a contract): `[`, one record per
 * line with a comma after all but the last, `]`; so a month of millions is
 * parsed a line at a time and never held, as the whole text or as objects.
 * Gzip or already decoded (a proxy may have undone Content-Encoding).
 *
 * @throws StoredReportError naming the line, when the file is not such an export
 */
export async function spoolSessionsExport(
  body: AsyncIterable<Uint8Array>,
  spoolPath: string,
  source: string,
): Promise<SpooledSessions> {
  const writer = new SessionSpoolWriter(spoolPath);
  try {
    await readExport(body, source, (session) => writer.append(session));
  } catch (error) {
    writer.abandon();
    throw error;
  }
  return writer.finish();
}

async function readExport(
  body: AsyncIterable<Uint8Array>,
  source: string,
  onSession: (session: Session) => void,
): Promise<void> {
  const fail = (line: number, problem: string, cause?: unknown): never => {
    throw new StoredReportError(
      `${source}: not a sessions export: line ${line}: ${problem}`,
      { source },
      cause === undefined ? undefined : { cause },
    );
  };
  let line = 0;
  let state: 'start' | 'records' | 'last-record' | 'end' = 'start';
  for await (const raw of linesOf(await decoded(body))) {
    line += 1;
    const text = raw.trim();
    if (text === '') continue;
    if (state === 'start') {
      if (text !== '[') fail(line, 'expected "[" on a line of its own');
      state = 'records';
    } else if (text === ']') {
      if (state === 'end') fail(line, 'a second "]"');
      state = 'end';
    } else if (state === 'end') {
      fail(line, 'text after the closing "]"');
    } else if (state === 'last-record') {
      fail(line, 'a record after one without a comma');
    } else {
      const comma = text.endsWith(',');
      if (!comma) state = 'last-record';
      onSession(parseRecord(comma ? text.slice(0, -1) : text, line, fail));
    }
  }
  if (state === 'start') fail(line, 'the file is empty');
  if (state !== 'end') fail(line, 'the file ends before the closing "]" (cut short?)');
}

/** The body as text bytes: gunzipped when it starts with the gzip magic number. */
async function decoded(body: AsyncIterable<Uint8Array>): Promise<AsyncIterable<Uint8Array>> {
  const iterator = body[Symbol.asyncIterator]();
  let first = await iterator.next();
  while (!first.done && first.value.byteLength === 0) first = await iterator.next();
  const head = first.done ? undefined : first.value;
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (head !== undefined) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (head === undefined || head[0] !== 0x1f || head[1] !== 0x8b) return rest();
  const gunzip = createGunzip();
  // A failure on either side destroys the gunzip stream with it, which ends the reader's loop with that error.
  pipeline(Readable.from(rest()), gunzip).catch(() => undefined);
  return gunzip;
}

/** Lines of UTF-8 text; a chunk may end inside a line, even inside a character, so bytes are carried. */
async function* linesOf(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
      yield carry === null
        ? bytes.toString('utf8', start, end)
        : Buffer.concat([carry, bytes.subarray(start, end)]).toString('utf8');
      carry = null;
      start = end + 1;
    }
    if (start < bytes.length) {
      const rest = Buffer.from(bytes.subarray(start));
      carry = carry === null ? rest : Buffer.concat([carry, rest]);
    }
  }
  if (carry !== null) yield carry.toString('utf8');
}

function parseRecord(
  text: string,
  line: number,
  fail: (line: number, problem: string, cause?: unknown) => never,
): Session {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(line, 'not a JSON record', error);
  }
  const parsed = storedSession.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(line, `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const s = parsed.data;
  return {
    sessionId: s.session_id,
    url: s.url,
    status: s.status,
    title: s.title,
    tags: s.tags,
    orgId: s.org_id,
    userId: s.user_id,
    ...(s.user_kind && { userKind: s.user_kind }),
    createdAt: new Date(s.created_at),
    updatedAt: new Date(s.updated_at),
    acus: s.acus_consumed === null ? 0n : decimalStringToScaled(s.acus_consumed, ACU_DECIMALS),
    acusReported: s.acus_consumed !== null,
    pullRequests: s.pull_requests,
  };
}

/** A stored report that cannot be rebuilt as it was: the FOCUS rows would not match its workbook. */
export class StoredReportError extends Error {
  override readonly name = 'StoredReportError';
  readonly source: string;

  constructor(message: string, context: { source: string }, options?: { cause?: unknown }) {
    super(message, options);
    this.source = context.source;
  }
}
