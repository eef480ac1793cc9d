import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '#devin/client/map-with-concurrency.js';

/** A task the test resolves by hand, so that overlap is observed rather than timed. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('mapWithConcurrency', () => {
  it('returns results in input order whatever order they finish in', async () => {
    const gates = [deferred<void>(), deferred<void>(), deferred<void>()];
    const run = mapWithConcurrency([0, 1, 2], 3, async (i) => {
      await gates[i]?.promise;
      return i * 10;
    });
    gates[2]?.resolve();
    gates[0]?.resolve();
    gates[1]?.resolve();
    expect(await run).toEqual([0, 10, 20]);
  });

  it('never has more than `concurrency` tasks in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapWithConcurrency(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      async (i) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return i;
      },
    );
    expect(peak).toBe(4);
    expect(results).toHaveLength(20);
  });

  it('stops starting work after a failure, aborts the rest and rethrows the first error', async () => {
    const started: number[] = [];
    const aborted: number[] = [];
    const boom = new Error('page 1 failed');
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, (i, signal) => {
      started.push(i);
      if (i === 1) return Promise.reject(boom);
      return new Promise<number>((_, reject) => {
        signal.addEventListener('abort', () => {
          aborted.push(i);
          reject(signal.reason);
        });
      });
    });
    await expect(run).rejects.toBe(boom);
    expect(started).toEqual([0, 1]);
    expect(aborted).toEqual([0]);
  });

  it('handles no input', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});
