import { reportResultOf } from '#chargeback/chargeback-result.js';
import { type JobDeps, runChargebackJob } from '#chargeback/run-chargeback-job.js';
import type { MergeEvent } from './distributed-run.js';
import { type MergeResult, withoutBearerLink } from './merge-result.js';
import { deleteParts, type PartsSource, readSessionsFromParts } from './merge-step.js';

/**
 * The merge step: the same job as a single run, its sessions read from the windows' parts, then
 * the parts removed. The email marker and the period's keys are the job's, so a retried merge or a
 * second execution of the same month sends nothing twice. It returns no link (see MergeResult).
 */
export async function runMergeJob(
  merge: MergeEvent,
  deps: JobDeps,
  source: PartsSource,
): Promise<MergeResult> {
  // No hand-over: the merge always runs in place, so its outcome is always the report's result.
  const result = reportResultOf(
    await runChargebackJob(merge.run, {
      ...deps,
      runId: merge.runId,
      handOver: undefined,
      fromParts: { period: merge.period, readSessions: readSessionsFromParts(merge, source) },
    }),
  );
  await deleteParts(merge, source, deps.config.prefix, deps.log);
  return withoutBearerLink(result);
}
