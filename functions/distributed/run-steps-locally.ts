import { setTimeout as delay } from 'node:timers/promises';
import { mapWithConcurrency } from '#devin/client/map-with-concurrency.js';
import { type DistributedRun, distributedRunJson, type WindowPart } from './distributed-run.js';
import { WINDOW_CONCURRENCY, WINDOW_RETRY } from './window-retry.js';

/** The state machine's two tasks, as functions of their JSON input (what LambdaInvoke would send). */
export interface DistributedSteps<Result> {
  readonly window: (event: unknown) => Promise<WindowPart>;
  readonly merge: (event: unknown) => Promise<Result>;
}

export interface LocalDriverOptions {
  readonly concurrency?: number;
  /** Waits between attempts of a window; by default the state machine's interval scaled down. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onRetry?: (index: number, attempt: number, error: unknown) => void;
}

/**
 * Runs a distributed run the way the state machine does, in this process: every window through
 * the window step (at most `concurrency` at once, each retried as the state machine's Retry
 * says), their results in window order as `parts`, then the merge step. Inputs and outputs go
 * through JSON, as they do between Step Functions states.
 */
export async function runStepsLocally<Result>(
  run: DistributedRun,
  steps: DistributedSteps<Result>,
  options: LocalDriverOptions = {},
): Promise<Result> {
  const input = distributedRunJson(run) as Record<string, unknown>;
  const sleep = options.sleep ?? ((ms: number) => delay(ms / 100));
  const parts = await mapWithConcurrency(
    run.windows,
    options.concurrency ?? WINDOW_CONCURRENCY,
    async (window): Promise<WindowPart> => {
      const event = distributedRunJson({
        runId: run.runId,
        index: window.index,
        window: { from: window.from, to: window.to },
        filters: run.filters,
      });
      for (let attempt = 1; ; attempt += 1) {
        try {
          return JSON.parse(JSON.stringify(await steps.window(event))) as WindowPart;
        } catch (error) {
          if (attempt > WINDOW_RETRY.retries) throw error;
          options.onRetry?.(window.index, attempt, error);
          await sleep(WINDOW_RETRY.intervalSeconds * 1000 * WINDOW_RETRY.backoffRate ** (attempt - 1));
        }
      }
    },
  );
  return steps.merge({ ...input, parts });
}
