import type { ChargebackOutcome } from '../chargeback/chargeback-result.js';
import { type JobDeps, runChargebackJob } from '../chargeback/run-chargeback-job.js';
import type { MergeEvent } from './distributed-run.js';
import { deleteParts, type PartsSource, readSessionsFromParts } from './merge-step.js';

/**
 * The merge step: the same job as a single run, its sessions read from the windows' parts, then
 * the parts removed. The email marker and the period's keys are the job's, so a retried merge or a
 * second execution of the same month sends nothing twice.
 */
export async function runMergeJob(
  merge: MergeEvent,
  deps: JobDeps,
  source: PartsSource,
): Promise<ChargebackOutcome> {
  const result = await runChargebackJob(merge.run, {
    ...deps,
    runId: merge.runId,
    handOver: undefined,
    fromParts: { period: merge.period, readSessions: readSessionsFromParts(merge, source) },
  });
  await deleteParts(merge, source, deps.config.prefix, deps.log);
  return result;
}
