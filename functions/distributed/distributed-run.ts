import { z } from 'zod';
import type { ChargebackRun } from '#chargeback/chargeback-event.js';
import { InvalidInputError } from '#core/errors.js';
import type { PeriodWindow } from '#core/scale/partition-period.js';
import type { FetchStats } from '#core/session.js';

/**
 * What the Step Functions execution carries: the run as the first invocation parsed it (so the
 * merge step resolves the same period and sends the same email), the period it resolved to,
 * the filters, and the windows. Dates travel as ISO strings; every step parses this once.
 */
export interface DistributedRun {
  readonly runId: string;
  readonly run: ChargebackRun;
  readonly period: PeriodWindow;
  readonly filters: SessionFilters;
  readonly windows: readonly IndexedWindow[];
}

export interface SessionFilters {
  readonly orgIds: readonly string[];
  readonly userIds: readonly string[];
  readonly tags: readonly string[];
}

export interface IndexedWindow extends PeriodWindow {
  readonly index: number;
}

/** One window step's input: the Map's item, with the run's id and filters beside it. */
export interface WindowEvent {
  readonly runId: string;
  readonly index: number;
  readonly window: PeriodWindow;
  readonly filters: SessionFilters;
}

/** One window step's output, which the Map collects for the merge step. */
export interface WindowPart {
  readonly index: number;
  readonly key: string;
  readonly count: number;
  readonly stats: FetchStats;
  readonly warnings: readonly string[];
}

/** The merge step's input: the execution's input with the Map's results under `parts`. */
export interface MergeEvent extends DistributedRun {
  readonly parts: readonly WindowPart[];
}

const instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const ids = z.array(z.string().min(1)).max(200);
const windowSchema = z.strictObject({ from: instant, to: instant });
const filtersSchema = z.strictObject({ orgIds: ids, userIds: ids, tags: ids });
const periodChoiceSchema = z.union([
  z.strictObject({
    alignment: z.enum(['calendar', 'billing-day']),
    month: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  }),
  z.strictObject({ alignment: z.literal('billing-cycle'), cycle: z.string().optional() }),
]);
const runSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scheduled'), scheduledTime: instant }),
  z.strictObject({
    kind: z.literal('manual'),
    period: periodChoiceSchema,
    costBasis: z.enum(['sessions', 'billed']).optional(),
    recipients: z.array(z.email()).min(1).max(50).optional(),
    email: z.boolean(),
    orgIds: ids,
    userIds: ids,
    tags: ids,
    force: z.boolean(),
    // Executions started before closes existed carry no close: they were preliminary.
    close: z.boolean().default(false),
  }),
]);
const indexedWindowSchema = z.strictObject({
  index: z.int().nonnegative(),
  from: instant,
  to: instant,
});
const distributedRunShape = {
  runId: z.string().regex(/^[0-9A-Za-z-]+$/),
  run: runSchema,
  period: windowSchema,
  filters: filtersSchema,
  windows: z.array(indexedWindowSchema).min(1),
};
const statsSchema = z.strictObject({
  pages: z.int().nonnegative(),
  reportedTotal: z.int().nonnegative(),
  itemsReceived: z.int().nonnegative(),
  duplicatesDropped: z.int().nonnegative(),
  outsidePeriodDropped: z.int().nonnegative(),
  nullAcus: z.int().nonnegative(),
  reread: z.boolean(),
});
const partSchema = z.strictObject({
  index: z.int().nonnegative(),
  key: z.string().min(1),
  count: z.int().nonnegative(),
  stats: statsSchema,
  warnings: z.array(z.string()),
});
const windowEventSchema = z.strictObject({
  runId: distributedRunShape.runId,
  index: z.int().nonnegative(),
  window: windowSchema,
  filters: filtersSchema,
});
// The execution's input may carry more than the merge reads (Step Functions adds nothing, people might).
const mergeEventSchema = z.object({ ...distributedRunShape, parts: z.array(partSchema).min(1) });
const distributedRunSchema = z.strictObject(distributedRunShape);

export function parseDistributedRun(input: unknown): DistributedRun {
  return parseWith(distributedRunSchema, input, 'distributed run');
}

export function parseWindowEvent(input: unknown): WindowEvent {
  const event = parseWith(windowEventSchema, input, 'window event');
  assertNonEmpty(event.window, 'window');
  return event;
}

export function parseMergeEvent(input: unknown): MergeEvent {
  const event = parseWith(mergeEventSchema, input, 'merge event');
  const indexes = event.parts.map((part) => part.index);
  const expected = event.windows.map((window) => window.index);
  if (JSON.stringify([...indexes].sort((a, b) => a - b)) !== JSON.stringify(expected)) {
    throw new InvalidInputError(
      'parts',
      indexes,
      `do not match the windows ${JSON.stringify(expected)}: every window's part is needed, once`,
    );
  }
  return event;
}

/** A step's input or output as it travels between states: JSON, dates as ISO strings. */
export function distributedRunJson(value: DistributedRun | WindowEvent | MergeEvent): unknown {
  return JSON.parse(JSON.stringify(value));
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || what;
  throw new InvalidInputError(
    field,
    valueAt(input, issue?.path ?? []),
    `is invalid in the ${what}: ${issue?.message}`,
  );
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    root,
  );
}

function assertNonEmpty(window: PeriodWindow, field: string): void {
  if (!(window.from.getTime() < window.to.getTime())) {
    throw new InvalidInputError(
      field,
      { from: window.from.toISOString(), to: window.to.toISOString() },
      'is empty',
    );
  }
}
