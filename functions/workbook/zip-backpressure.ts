import { once } from 'node:events';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Worksheet } from 'exceljs';

/** Compressed-queue size above which the writer waits for the zip to catch up. */
const MAX_QUEUED_BYTES = 1 << 20;

interface QueuedStream {
  readonly _writableState: { readonly length: number; readonly needDrain: boolean };
  once(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

/**
 * exceljs's streaming writer hands each sheet's XML to the zip without
 * backpressure (its StreamBuf ignores `write()`'s return value), so a sheet
 * written in a tight loop piles up uncompressed in memory: measured, 200,000
 * session rows held ~120 MB of queued XML. Waiting for the zip's input queue
 * to drain keeps it near 1 MB and, with less to collect, is faster too.
 * The queue is an internal of exceljs 4.4 / archiver: when it is not where we
 * expect, this falls back to yielding a turn, which is what it did before.
 */
export async function waitForZip(sheet: Worksheet): Promise<void> {
  const queue = zipInputOf(sheet);
  if (!queue) {
    await yieldToEventLoop();
    return;
  }
  const state = queue._writableState;
  if (state.length > MAX_QUEUED_BYTES && state.needDrain) {
    await once(queue as unknown as NodeJS.EventEmitter, 'drain');
  }
}

function zipInputOf(sheet: Worksheet): QueuedStream | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const first: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  if (typeof first !== 'object' || first === null || !('_writableState' in first)) return undefined;
  const state = (first as { _writableState: unknown })._writableState;
  if (typeof state !== 'object' || state === null || !('length' in state) || !('needDrain' in state)) {
    return undefined;
  }
  return first as QueuedStream;
}
