import { z } from 'zod';
import { ACU_DECIMALS, decimalStringToScaled } from '../core/money/acus.js';
import type { Session } from '../core/session.js';

/** One record of `*.sessions.json.gz` as sessions-export.ts writes it. */
const storedSession = z.object({
  session_id: z.string().min(1),
  org_id: z.string().min(1),
  user_id: z.string().nullable(),
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

const storedSessions = z.array(storedSession);

/** The sessions a stored report was built from, in the order it was built from them. */
export function sessionsFromExport(json: unknown, source: string): Session[] {
  const parsed = storedSessions.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredReportError(
      `${source}: not a sessions export: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      { source },
    );
  }
  return parsed.data.map((s) => ({
    sessionId: s.session_id,
    url: s.url,
    status: s.status,
    title: s.title,
    tags: s.tags,
    orgId: s.org_id,
    userId: s.user_id,
    createdAt: new Date(s.created_at),
    updatedAt: new Date(s.updated_at),
    acus: s.acus_consumed === null ? 0n : decimalStringToScaled(s.acus_consumed, ACU_DECIMALS),
    acusReported: s.acus_consumed !== null,
    pullRequests: s.pull_requests,
  }));
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
