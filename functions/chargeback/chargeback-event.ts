import { z } from 'zod';
import { FIRST_REPORT_DAY, isBeforeFirstReportDay } from '#close/close-timing.js';
import { InvalidInputError } from '#core/errors.js';
import type { CostBasis } from '#core/report/cost-basis.js';
import type { PeriodChoice } from '#pipeline/period-choice.js';

/** The schedule's monthly run: "previous full month" of the instant it was scheduled for. */
export interface ScheduledRun {
  readonly kind: 'scheduled';
  readonly scheduledTime: Date;
  /**
   * The daily catch-up: the same close, but a period that may not close yet, or that another
   * run is closing, is an answer ("waiting"), not a failure; a closed one is a no-op.
   */
  readonly catchUp?: boolean;
}

/** A person's run from the console or `aws lambda invoke`. */
export interface ManualRun {
  readonly kind: 'manual';
  readonly period: PeriodChoice;
  /** Overrides the deployment's cost basis for this run. */
  readonly costBasis?: CostBasis;
  readonly recipients?: readonly string[];
  readonly email: boolean;
  readonly orgIds: readonly string[];
  readonly userIds: readonly string[];
  readonly tags: readonly string[];
  readonly force: boolean;
  /** True makes this run the period's close; otherwise it is preliminary. */
  readonly close: boolean;
}

export type ChargebackRun = ScheduledRun | ManualRun;

/** `{"check": true}`: the deployment check. It reads settings and services and sends nothing. */
export interface CheckRequest {
  readonly kind: 'check';
}

const isoInstant = z.iso.datetime({ offset: true });

/** What the stack's EventBridge Scheduler target sends. */
const schedulerEvent = z.strictObject({
  source: z.literal('devin-chargeback.schedule'),
  kind: z.enum(['monthly', 'catch-up']),
  scheduledTime: isoInstant,
});

/** An EventBridge rule's "Scheduled Event", for anyone who wires the function to a rule instead. */
const eventBridgeRuleEvent = z.looseObject({
  'detail-type': z.literal('Scheduled Event'),
  source: z.literal('aws.events'),
  time: isoInstant,
});

const idList = z.array(z.string().trim().min(1)).max(200);

const manualEvent = z.strictObject({
  month: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  // SES takes at most 50 recipients per message; more is refused here rather than half-sent.
  recipients: z.array(z.email()).min(1).max(50).optional(),
  email: z.boolean().optional(),
  orgIds: idList.optional(),
  userIds: idList.optional(),
  tags: idList.optional(),
  force: z.boolean().optional(),
  close: z.boolean().optional(),
  alignment: z.enum(['calendar', 'billing-day', 'billing-cycle']).optional(),
  cycle: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected the cycle start day as YYYY-MM-DD' })
    .optional(),
  costBasis: z.enum(['sessions', 'billed']).optional(),
});

// `check` too: `{"check":true}` is the deployment check (parseReportEvent).
const KNOWN_FIELDS = [...Object.keys(manualEvent.shape), 'check'].join(', ');

const checkEvent = z.strictObject({ check: z.literal(true) });

/** The report function's event: a deployment check, or a run (see parseChargebackEvent). */
export function parseReportEvent(event: unknown): ChargebackRun | CheckRequest {
  if (typeof event !== 'object' || event === null || Array.isArray(event) || !('check' in event)) {
    return parseChargebackEvent(event);
  }
  const parsed = checkEvent.safeParse(event);
  if (parsed.success) return { kind: 'check' };
  const extra = Object.keys(event).find((key) => key !== 'check');
  if (extra !== undefined) {
    throw new InvalidInputError(
      extra,
      (event as Record<string, unknown>)[extra],
      'cannot be combined with "check" (the deployment check takes no other field): send {"check":true}',
    );
  }
  throw new InvalidInputError('check', event.check, 'must be true: send {"check":true}');
}

/**
 * Reads a Lambda event once, at the edge. Any other shape, unknown key or bad
 * value is refused with the field and value named: that message is what a
 * person sees in the console's test result.
 */
export function parseChargebackEvent(event: unknown): ChargebackRun {
  const scheduled = schedulerEvent.safeParse(event);
  if (scheduled.success) {
    return {
      kind: 'scheduled',
      scheduledTime: new Date(scheduled.data.scheduledTime),
      ...(scheduled.data.kind === 'catch-up' && { catchUp: true }),
    };
  }
  const rule = eventBridgeRuleEvent.safeParse(event);
  if (rule.success) return { kind: 'scheduled', scheduledTime: new Date(rule.data.time) };

  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new InvalidInputError(
      'event',
      event,
      'is not a JSON object; send e.g. {"month":"2026-09"} or {"from":"2026-09-01","to":"2026-09-15"}',
    );
  }
  if (isSchedulerAttempt(event)) {
    const problem = schedulerEvent.safeParse(event);
    if (!problem.success) throw issueToError(problem.error.issues[0], event);
  }
  const manual = manualEvent.safeParse(event);
  if (!manual.success) throw issueToError(manual.error.issues[0], event);
  const m = manual.data;
  const cycleWanted = m.alignment === 'billing-cycle' || m.cycle !== undefined;
  if (cycleWanted) {
    if (m.alignment !== undefined && m.alignment !== 'billing-cycle') {
      throw new InvalidInputError(
        'alignment',
        m.alignment,
        'cannot be combined with cycle (a cycle is its own alignment)',
      );
    }
    for (const field of ['month', 'from', 'to'] as const) {
      if (m[field] !== undefined) {
        throw new InvalidInputError(field, m[field], 'cannot be combined with a billing cycle');
      }
    }
  } else if (m.month === undefined && m.from === undefined && m.to === undefined) {
    throw new InvalidInputError(
      'month',
      undefined,
      'is required (or from and to, or cycle): send e.g. {"month":"2026-09"} or {"from":"2026-09-01","to":"2026-09-15"}',
    );
  }
  for (const field of ['month', 'from', 'to'] as const) {
    const value = m[field];
    if (value !== undefined && isBeforeFirstReportDay(value)) {
      throw new InvalidInputError(
        field,
        value,
        `is before ${FIRST_REPORT_DAY}: there was no Devin API to bill from; send a later period`,
      );
    }
  }
  if (m.close === true) {
    for (const field of ['orgIds', 'userIds', 'tags'] as const) {
      if ((m[field]?.length ?? 0) > 0) {
        throw new InvalidInputError(
          field,
          m[field],
          'cannot be combined with "close": true: a close records the whole period, a filtered run only a slice of it',
        );
      }
    }
  }
  const period: PeriodChoice = cycleWanted
    ? { alignment: 'billing-cycle', ...(m.cycle !== undefined && { cycle: m.cycle }) }
    : {
        alignment: m.alignment === 'billing-day' ? 'billing-day' : 'calendar',
        month: m.month,
        from: m.from,
        to: m.to,
      };
  return {
    kind: 'manual',
    period,
    ...(m.costBasis !== undefined && { costBasis: m.costBasis }),
    ...(m.recipients !== undefined && { recipients: m.recipients }),
    email: m.email ?? true,
    orgIds: m.orgIds ?? [],
    userIds: m.userIds ?? [],
    tags: m.tags ?? [],
    force: m.force ?? false,
    close: m.close ?? false,
  };
}

function isSchedulerAttempt(event: object): boolean {
  return 'source' in event || 'kind' in event || 'scheduledTime' in event;
}

function issueToError(issue: z.core.$ZodIssue | undefined, event: object): InvalidInputError {
  if (!issue) return new InvalidInputError('event', event, 'is not a valid chargeback event');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '?';
    return new InvalidInputError(
      key,
      (event as Record<string, unknown>)[key],
      `is not a known field (known: ${KNOWN_FIELDS})`,
    );
  }
  const field = issue.path.map(String).join('.') || 'event';
  const value = issue.path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object'
        ? (node as Record<PropertyKey, unknown>)[key as PropertyKey]
        : undefined,
    event,
  );
  return new InvalidInputError(field, value, `is invalid: ${issue.message}`);
}
