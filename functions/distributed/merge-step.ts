import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectsCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describeError, ReportStoreError } from '#aws/aws-errors.js';
import { sumFetchStats } from '#core/sum-fetch-stats.js';
import type { FetchedSessions, FetchSessionsOptions, SessionQuery } from '#devin/client/devin-client.js';
import type { RunLog } from '#pipeline/run-log.js';
import { concatSpools, openSpooledSessions, type SpooledSessions } from '#spool/session-spool.js';
import type { MergeEvent } from './distributed-run.js';
import { partStatsKey } from './part-keys.js';

export interface PartsSource {
  readonly s3: S3Client;
  readonly bucket: string;
}

/**
 * The merge step's `readSessions`: the windows' parts, downloaded in window order and joined into
 * the run's spool, with their stats summed. Each window kept only its own half-open slice, so in
 * window order the parts are the period, oldest first: what one fetch of the period returns.
 */
export function readSessionsFromParts(
  event: MergeEvent,
  source: PartsSource,
): (query: SessionQuery, options: FetchSessionsOptions) => Promise<FetchedSessions> {
  return async (query, options) => {
    assertSameRead(event, query);
    const spoolPath = options.spoolPath;
    if (spoolPath === undefined) throw new Error('the merge step needs the run’s spool path');
    const parts = [...event.parts].sort((a, b) => a.index - b.index);
    const files: SpooledSessions[] = [];
    try {
      for (const part of parts) {
        const path = `${spoolPath}.part-${part.index}`;
        await download(source, part.key, path);
        const spooled = openSpooledSessions(path);
        files.push(spooled);
        if (spooled.count !== part.count) {
          throw new ReportStoreError(
            `part ${part.index} holds ${spooled.count} sessions but its window step stored ${part.count}`,
            { bucket: source.bucket, key: part.key, operation: 'get-object' },
          );
        }
      }
      const sessions = concatSpools(spoolPath, files);
      return {
        sessions,
        stats: sumFetchStats(parts.map((part) => part.stats)),
        warnings: parts.flatMap((part) => part.warnings),
      };
    } finally {
      await Promise.all(files.map((file) => rm(file.path, { force: true })));
      await Promise.all(parts.map((part) => rm(`${spoolPath}.part-${part.index}`, { force: true })));
    }
  };
}

/**
 * Removes a finished run's parts. A failure here costs storage, not data: the lifecycle rule on the
 * parts folder removes what is left, so it is logged, not thrown.
 */
export async function deleteParts(event: MergeEvent, source: PartsSource, prefix: string, log: RunLog) {
  const keys = event.parts.flatMap((part) => [part.key, partStatsKey(prefix, event.runId, part.index)]);
  for (let start = 0; start < keys.length; start += 1000) {
    try {
      const response = await source.s3.send(
        new DeleteObjectsCommand({
          Bucket: source.bucket,
          Delete: { Objects: keys.slice(start, start + 1000).map((Key) => ({ Key })), Quiet: true },
        }),
      );
      if ((response.Errors ?? []).length > 0) {
        log.warn('some window parts were not deleted; the lifecycle rule will', {
          runId: event.runId,
          errors: response.Errors?.length,
        });
      }
    } catch (error) {
      log.warn('window parts were not deleted; the lifecycle rule will', {
        runId: event.runId,
        error: describeError(error),
      });
    }
  }
}

/** The pipeline asks for the period and filters the execution was planned for, or the parts are not its sessions. */
function assertSameRead(event: MergeEvent, query: SessionQuery): void {
  const same =
    query.from.getTime() === event.period.from.getTime() &&
    query.to.getTime() === event.period.to.getTime() &&
    sameList(query.orgIds, event.filters.orgIds) &&
    sameList(query.userIds, event.filters.userIds) &&
    sameList(query.tags, event.filters.tags) &&
    (query.sessionIds ?? []).length === 0;
  if (!same) {
    throw new Error(
      `the merge step was asked for ${query.from.toISOString()}..${query.to.toISOString()} but run ${event.runId}'s parts cover ${event.period.from.toISOString()}..${event.period.to.toISOString()} with other filters`,
    );
  }
  const first = event.windows[0];
  const last = event.windows.at(-1);
  if (
    first?.from.getTime() !== event.period.from.getTime() ||
    last?.to.getTime() !== event.period.to.getTime()
  ) {
    throw new Error(`run ${event.runId}'s windows do not span its period`);
  }
  for (let i = 1; i < event.windows.length; i += 1) {
    if (event.windows[i]?.from.getTime() !== event.windows[i - 1]?.to.getTime()) {
      throw new Error(`run ${event.runId}'s windows ${i - 1} and ${i} do not meet`);
    }
  }
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b);
}

async function download(source: PartsSource, key: string, path: string): Promise<void> {
  try {
    const response = await source.s3.send(new GetObjectCommand({ Bucket: source.bucket, Key: key }));
    if (!response.Body) throw new Error('S3 returned no body');
    await pipeline(response.Body as Readable, createWriteStream(path));
  } catch (error) {
    throw new ReportStoreError(
      `could not read a window part: ${describeError(error)}`,
      { bucket: source.bucket, key, operation: 'get-object' },
      { cause: error },
    );
  }
}
