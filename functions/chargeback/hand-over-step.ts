import type { ReportPeriod } from '#core/period/report-period.js';
import { planRun } from '#core/scale/plan-run.js';
import { TooLargeForOneInvocationError } from '#core/scale/too-large-for-one-invocation-error.js';
import type { DevinClient } from '#devin/client/devin-client.js';
import type { SessionFilters } from '#distributed/distributed-run.js';
import type { HandedOverResult, HandOver } from '#distributed/hand-over.js';
import type { RunLog } from '#pipeline/run-log.js';
import { inStage } from '#pipeline/stage-error.js';
import type { ChargebackRun } from './chargeback-event.js';

/**
 * Counts the period's sessions and plans: when they fit this invocation with margin, undefined
 * (the run goes on here); otherwise the state machine is started with the run as parsed and the
 * windows, and its execution is the result. Without a state machine, a period too big fails here,
 * before fetching, rather than time out at minute 15 with half a month read.
 */
export async function handOverIfTooBig(
  run: ChargebackRun,
  period: ReportPeriod,
  filters: SessionFilters,
  devin: DevinClient,
  handOver: HandOver,
  deps: { readonly runId: string; readonly log: RunLog },
): Promise<HandedOverResult | undefined> {
  const expectedSessions = await inStage('count sessions', () =>
    devin.countSessions({ from: period.from, to: period.to, ...filters }),
  );
  const plan = planRun({
    period,
    expectedSessions,
    budget: handOver.budget(),
    sessionsPerInvocation: handOver.sessionsPerInvocation,
  });
  deps.log.info('run planned', {
    runId: deps.runId,
    plan: plan.kind,
    expectedSessions,
    capacity: plan.capacity,
    ...(plan.kind === 'distributed' && { windows: plan.windows.length }),
  });
  if (plan.kind === 'single') return undefined;
  if (handOver.start === undefined) {
    throw new TooLargeForOneInvocationError({
      period: period.label,
      expectedSessions,
      capacity: plan.capacity,
      capacitySource: handOver.sessionsPerInvocation === undefined ? 'estimate' : 'SESSIONS_PER_INVOCATION',
    });
  }
  const executionArn = await handOver.start({
    runId: deps.runId,
    run,
    period: { from: period.from, to: period.to },
    filters,
    windows: plan.windows.map((window, index) => ({ index, from: window.from, to: window.to })),
  });
  return {
    period: {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      label: period.label,
      timeZone: period.timeZone,
    },
    runId: deps.runId,
    distributed: { executionArn, windows: plan.windows.length, expectedSessions, capacity: plan.capacity },
    emailed: false,
    note: `${period.label} has about ${expectedSessions} sessions, more than one invocation handles with margin (${plan.capacity}): it is read in ${plan.windows.length} windows by Step Functions execution ${executionArn}, whose merge step stores the report and sends the email.`,
  };
}

/** The merge step's period must be the one its windows were read for. */
export function assertPlannedPeriod(
  period: ReportPeriod,
  planned: { from: Date; to: Date },
  runId: string,
): void {
  if (period.from.getTime() === planned.from.getTime() && period.to.getTime() === planned.to.getTime())
    return;
  throw new Error(
    `run ${runId} was planned for ${planned.from.toISOString()}..${planned.to.toISOString()} but now resolves to ${period.from.toISOString()}..${period.to.toISOString()}; invoke the run again`,
  );
}
