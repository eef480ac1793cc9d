import { createReadStream } from 'node:fs';
import type { S3Client } from '@aws-sdk/client-s3';
import { putReportObject } from '#aws/report-object-store.js';
import type { DevinClient } from '#devin/client/devin-client.js';
import { dropScratch, scratchFile } from '#local/scratch-files.js';
import type { RunLog } from '#pipeline/run-log.js';
import type { WindowEvent, WindowPart } from './distributed-run.js';
import { partKey, partStatsKey } from './part-keys.js';

export interface WindowStepDeps {
  readonly devin: DevinClient;
  readonly s3: S3Client;
  readonly bucket: string;
  readonly prefix: string;
  readonly workDir: string;
  readonly log: RunLog;
}

/** The state machine's payloads stay small: a window's warnings beyond these are in its log. */
const MAX_WARNINGS = 20;

/**
 * One window of a distributed run: fetch its sessions (the client's retries, completeness check and
 * half-open filter, as for a whole period) into the work folder, then store that spool as the
 * window's part. S3 shows an object only once it is whole, so a part is never half there; its
 * stats follow it. A failure leaves no part, and the state machine retries the window.
 */
export async function runWindowStep(event: WindowEvent, deps: WindowStepDeps): Promise<WindowPart> {
  const key = partKey(deps.prefix, event.runId, event.index);
  const spoolPath = scratchFile(deps.workDir, `${event.runId}.window-${event.index}.sessions.spool`);
  try {
    const fetched = await deps.devin.fetchSessions(
      { from: event.window.from, to: event.window.to, ...event.filters },
      { spoolPath },
    );
    const count = fetched.sessions.count;
    await putReportObject(deps.s3, {
      bucket: deps.bucket,
      key,
      body: createReadStream(spoolPath),
      contentType: 'application/x-ndjson',
      metadata: {
        'run-id': event.runId,
        window: `${event.window.from.toISOString()}/${event.window.to.toISOString()}`,
        sessions: String(count),
      },
    });
    const part: WindowPart = {
      index: event.index,
      key,
      count,
      stats: fetched.stats,
      warnings: fetched.warnings.slice(0, MAX_WARNINGS),
    };
    await putReportObject(deps.s3, {
      bucket: deps.bucket,
      key: partStatsKey(deps.prefix, event.runId, event.index),
      body: JSON.stringify({ ...part, window: event.window }),
      contentType: 'application/json',
    });
    deps.log.info('window stored', { runId: event.runId, index: event.index, sessions: count, key });
    return part;
  } finally {
    await dropScratch(spoolPath);
  }
}
